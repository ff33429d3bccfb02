// Refuses an empty or oversized file before it is sent, with the message the server would give:
// an oversized upload is otherwise cut off by the server and may never get an answer to show.
document.addEventListener('submit', function (event) {
  var form = event.target.closest('form.attachment-upload');
  var input = form && form.querySelector('input[type=file]');
  if (!input || !input.files || input.files.length === 0) {
    return;
  }
  var file = input.files[0];
  var message = file.size === 0 ? form.getAttribute('data-empty')
    : file.size > Number(form.getAttribute('data-max-bytes')) ? form.getAttribute('data-too-large') : null;
  var error = document.getElementById('attachment-file-error');
  if (message) {
    event.preventDefault();
    error.textContent = message;
    error.hidden = false;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', 'attachment-file-error attachment-file-hint');
    input.focus();
  }
});
