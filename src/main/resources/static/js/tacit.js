// Small progressive enhancements; every page works without them.
document.addEventListener('change', function (event) {
  var select = event.target.closest('select[data-autosubmit]');
  if (select && select.form) {
    select.form.requestSubmit();
  }
});
document.addEventListener('click', function (event) {
  var button = event.target.closest('[data-copy]');
  if (button && navigator.clipboard) {
    var source = document.getElementById(button.getAttribute('data-copy'));
    navigator.clipboard.writeText(source.value || source.textContent);
    button.textContent = button.getAttribute('data-copied') || button.textContent;
  }
});
