// The session-timeout notice (accessible: a role="alert" region in the banner). The server ends an
// idle session after data-idle-seconds; a minute before, this warns, and at the end it says so and
// links to the sign-in page. Any page load restarts the count, as it restarts the server's.
(function () {
  'use strict';
  var notice = document.getElementById('session-notice');
  if (!notice) {
    return;
  }
  var idle = parseInt(notice.getAttribute('data-idle-seconds'), 10);
  if (!(idle > 0)) {
    return;
  }
  var show = function (text, withLink) {
    notice.textContent = text + ' ';
    if (withLink) {
      var link = document.createElement('a');
      link.href = notice.getAttribute('data-login-url');
      link.textContent = 'Sign in again';
      notice.appendChild(link);
    } else {
      var reload = document.createElement('a');
      reload.href = window.location.pathname + window.location.search;
      reload.textContent = 'Stay signed in';
      notice.appendChild(reload);
    }
    notice.hidden = false;
  };
  var warnAfter = Math.max(0, idle - 60) * 1000;
  window.setTimeout(function () {
    show('Your session ends in about a minute unless you continue. Unsaved input will be lost.',
      false);
  }, warnAfter);
  window.setTimeout(function () {
    show('Your session has ended.', true);
  }, idle * 1000);
})();
