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
// htmx requests that change something carry the page's CSRF token, like the forms do.
document.addEventListener('htmx:configRequest', function (event) {
  var header = document.querySelector('meta[name="csrf-header"]');
  var token = document.querySelector('meta[name="csrf-token"]');
  if (header && token && event.detail.verb !== 'get') {
    event.detail.headers[header.content] = token.content;
  }
});
