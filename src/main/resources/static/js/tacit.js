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

// The answers under the header's search box close with Escape, and when focus leaves the search box.
document.addEventListener('keydown', function (event) {
  var search = event.target.closest && event.target.closest('.site-search');
  if (search && event.key === 'Escape') {
    var answers = search.querySelector('.suggestions');
    if (answers && answers.innerHTML !== '') {
      answers.innerHTML = '';
      search.querySelector('input[type=search]').focus();
      event.preventDefault();
    }
  }
});
document.addEventListener('focusout', function (event) {
  var search = event.target.closest && event.target.closest('.site-search');
  if (!search) { return; }
  // later, so that a click on an answer (which may not take focus in every browser) still follows its link
  setTimeout(function () {
    if (!search.contains(document.activeElement)) {
      var answers = search.querySelector('.suggestions');
      if (answers) { answers.innerHTML = ''; }
    }
  }, 200);
});
