// Renders a task's Camunda Form with the form-js viewer (a static asset, W3) and completes the task
// with its data, posted as JSON with the page's CSRF token (W2). The server checks the data against
// the same form (W10); a refusal is shown next to its field and the input stays.
(function () {
  'use strict';
  var container = document.getElementById('camunda-form');
  var form = document.getElementById('task-form');
  if (!container || !form || !window.FormViewer) {
    return;
  }
  var summary = document.getElementById('camunda-form-errors');
  var schema = JSON.parse(container.getAttribute('data-schema'));
  var values = JSON.parse(container.getAttribute('data-values') || '{}');
  var action = container.getAttribute('data-action');
  var csrf = form.querySelector('input[name="_csrf"]');

  // Keys of inputs that are shown but never sent: the server refuses them (read-only, W10).
  var shownOnly = {};
  var idsByKey = {};
  (function walk(components) {
    (components || []).forEach(function (c) {
      if (c.key) {
        idsByKey[c.key] = c.id;
        if (c.readonly === true || c.disabled === true) {
          shownOnly[c.key] = true;
        }
      }
      walk(c.components);
    });
  })(schema.components);

  var showSummary = function (text) {
    summary.textContent = text;
    summary.hidden = false;
    summary.focus();
  };

  var viewer = new window.FormViewer.Form({ container: container });
  viewer.importSchema(schema, values).catch(function () {
    showSummary('The form could not be shown.');
  });
  var noScript = document.getElementById('camunda-form-fallback');
  if (noScript) {
    noScript.hidden = true;
  }

  var send = function (event) {
    event.preventDefault();
    summary.hidden = true;
    var result = viewer.submit();
    if (Object.keys(result.errors || {}).length > 0) {
      showSummary('The task was not completed: correct the marked fields.');
      return;
    }
    var data = {};
    Object.keys(result.data).forEach(function (key) {
      var value = result.data[key];
      if (!shownOnly[key] && idsByKey[key] && value !== undefined) {
        // An empty text is no value: the server checks lengths and patterns of values only.
        data[key] = value === '' ? null : value;
      }
    });
    var headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
    if (csrf) {
      headers[container.getAttribute('data-csrf-header')] = csrf.value;
    }
    fetch(action, {
      method: 'POST',
      credentials: 'same-origin',
      headers: headers,
      body: JSON.stringify(data)
    })
      .then(function (response) {
        return response.json().then(function (answer) {
          if (response.ok && answer.redirect) {
            window.location.assign(answer.redirect);
            return;
          }
          var id = idsByKey[answer.field];
          if (id) {
            var errors = {};
            errors[id] = answer.messages;
            viewer._setState({ errors: errors });
          }
          showSummary(
            'The task was not completed' +
              (answer.field ? ' (' + answer.field + '): ' : ': ') +
              (answer.messages || []).join(' ')
          );
        });
      })
      .catch(function () {
        showSummary('The task could not be completed. Reload the page and try again.');
      });
  };
  // The form-js viewer draws a form of its own inside the task form: handle both the button and
  // a submission by the keyboard.
  form.addEventListener('submit', send);
  var button = document.getElementById('complete');
  if (button) {
    button.addEventListener('click', send);
  }
})();
