// Draws the process diagram of a task with the bpmn-js viewer (a static asset, W3) and highlights
// the task's activity. The XML comes from the same origin; nothing is evaluated from it.
(function () {
  'use strict';
  var container = document.getElementById('diagram');
  if (!container || typeof window.BpmnJS !== 'function') {
    return;
  }
  var failed = function () {
    document.getElementById('diagram-error').hidden = false;
  };
  fetch(container.getAttribute('data-xml-url'), {
    credentials: 'same-origin',
    headers: { Accept: 'application/xml' }
  })
    .then(function (response) {
      if (!response.ok) {
        throw new Error('status ' + response.status);
      }
      return response.text();
    })
    .then(function (xml) {
      container.textContent = '';
      var viewer = new window.BpmnJS({ container: container });
      return viewer.importXML(xml).then(function () {
        var canvas = viewer.get('canvas');
        canvas.zoom('fit-viewport');
        var activity = container.getAttribute('data-activity-id');
        if (activity && viewer.get('elementRegistry').get(activity)) {
          canvas.addMarker(activity, 'current-activity');
        }
        container.classList.add('drawn');
      });
    })
    .catch(failed);
})();
