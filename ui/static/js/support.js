// Copy buttons for the Support page's addresses. The buttons are hidden in
// the HTML and shown here, once we know the browser can copy; without
// JavaScript the address stays plain text a reader can select.
(function () {
  'use strict';

  // The Clipboard API needs a secure context and may be refused; copying
  // from a selection works on older browsers and plain-HTTP sites.
  function copyFromSelection(text) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'visually-hidden';
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok ? Promise.resolve() : Promise.reject(new Error('copy refused'));
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return copyFromSelection(text); });
    }
    return copyFromSelection(text);
  }

  function announce(status, words) {
    status.textContent = words;
    window.clearTimeout(status.dateline);
    status.dateline = window.setTimeout(function () { status.textContent = ''; }, 5000);
  }

  document.querySelectorAll('button[data-copy]').forEach(function (button) {
    var source = document.getElementById(button.getAttribute('data-copy'));
    var status = document.getElementById(button.getAttribute('data-status'));
    if (!source || !status) { return; }
    button.hidden = false;
    button.addEventListener('click', function () {
      copyText(source.textContent.trim()).then(function () {
        announce(status, 'Copied');
      }, function () {
        announce(status, 'Could not copy: select the address and copy it by hand.');
      });
    });
  });
})();
