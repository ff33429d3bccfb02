// The program page's print button (printing works from the browser's menu too).
document.addEventListener('click', function (event) {
  if (event.target.closest('[data-print-program]')) {
    window.print();
  }
});
