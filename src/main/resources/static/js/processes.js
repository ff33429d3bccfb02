// The process map: bpmn-js draws the diagram from its BPMN DI (zoom with the wheel or the buttons, pan by
// dragging); every step is clickable and opens its knowledge in the side panel (served by the page as an
// htmx fragment); steps that carry knowledge are marked. Without script the step table does the same.
(function () {
  var container = document.getElementById('process-canvas');
  if (!container || !window.BpmnJS || !window.htmx) { return; }
  var viewer = new window.BpmnJS({ container: container });
  var canvas = viewer.get('canvas');
  var registry = viewer.get('elementRegistry');
  var panelBase = container.getAttribute('data-panel');
  var selected = container.getAttribute('data-selected') || null;

  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll('.step-table tr[data-step]'));
  }
  function isStep(id) {
    return rows().some(function (row) { return row.getAttribute('data-step') === id; });
  }
  function setMarker(id, marker, on) {
    if (!registry.get(id)) { return; }
    if (on) { canvas.addMarker(id, marker); } else { canvas.removeMarker(id, marker); }
  }
  function markAll() {
    rows().forEach(function (row) {
      var id = row.getAttribute('data-step');
      setMarker(id, 'tacit-step', true);
      setMarker(id, 'has-knowledge', Number(row.getAttribute('data-links')) > 0);
    });
  }
  function highlight(id) {
    if (selected) { setMarker(selected, 'selected-step', false); }
    selected = id;
    setMarker(id, 'selected-step', true);
  }
  function open(id) {
    highlight(id);
    var url = panelBase + '?step=' + encodeURIComponent(id);
    window.htmx.ajax('GET', url, { target: '#step-panel', swap: 'outerHTML' });
    window.history.replaceState(null, '', '?step=' + encodeURIComponent(id) + '#map');
  }

  window.fetch(container.getAttribute('data-bpmn'), { credentials: 'same-origin' })
    .then(function (response) {
      if (!response.ok) { throw new Error('HTTP ' + response.status); }
      return response.text();
    })
    .then(function (xml) { return viewer.importXML(xml); })
    .then(function () {
      canvas.zoom('fit-viewport');
      markAll();
      if (selected && registry.get(selected)) {
        highlight(selected);
        canvas.scrollToElement(registry.get(selected));
      }
      container.setAttribute('data-ready', 'true');
    })
    .catch(function () {
      var error = document.createElement('p');
      error.className = 'alert';
      error.setAttribute('role', 'alert');
      error.textContent = container.getAttribute('data-error');
      container.appendChild(error);
    });

  viewer.on('element.click', function (event) {
    if (isStep(event.element.id)) { open(event.element.id); }
  });

  document.addEventListener('click', function (event) {
    var tool = event.target.closest('[data-map]');
    if (tool) {
      var action = tool.getAttribute('data-map');
      if (action === 'fit') { canvas.zoom('fit-viewport'); }
      else { canvas.zoom(canvas.zoom() * (action === 'zoom-in' ? 1.25 : 0.8)); }
      return;
    }
    var link = event.target.closest('a.step-link[data-step]');
    if (link && registry.get(link.getAttribute('data-step'))) {
      event.preventDefault();
      open(link.getAttribute('data-step'));
      canvas.scrollToElement(registry.get(link.getAttribute('data-step')));
      document.getElementById('map').scrollIntoView({ block: 'start' });
    }
  });

  // after a change in the panel, the step's mark and its row follow the number of its links
  document.addEventListener('htmx:afterSettle', function () {
    var heading = document.querySelector('#step-panel [data-step]');
    if (!heading) { return; }
    var id = heading.getAttribute('data-step');
    var count = Number(heading.getAttribute('data-links'));
    setMarker(id, 'has-knowledge', count > 0);
    rows().forEach(function (row) {
      if (row.getAttribute('data-step') === id) {
        row.setAttribute('data-links', String(count));
      }
    });
  });
})();
