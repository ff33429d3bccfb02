// The printable knowledge-sharing record: its Print button opens the browser's print dialog.
document.addEventListener('click', function (event) {
  if (event.target.closest('[data-print-record]')) {
    window.print();
  }
});
