// The printable view of a review: its Print button opens the browser's print dialog.
document.addEventListener('click', function (event) {
  if (event.target.closest('[data-print]')) {
    window.print();
  }
});
