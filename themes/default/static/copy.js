// Progressive enhancement: a copy button beside every ITA address. Without JavaScript the
// address is plain selectable text, so nothing is lost.
(function () {
  if (!navigator.clipboard) return;
  var label = document.documentElement.lang === 'en' ? ['Copy', 'Copied'] : ['คัดลอก', 'คัดลอกแล้ว'];
  document.querySelectorAll('code.copy-text').forEach(function (code) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-button';
    button.textContent = label[0];
    button.setAttribute('aria-label', label[0] + ' ' + code.textContent.trim());
    var status = document.createElement('span');
    status.setAttribute('role', 'status');
    status.className = 'visually-hidden';
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(code.textContent.trim()).then(function () {
        button.textContent = label[1];
        status.textContent = label[1];
        setTimeout(function () { button.textContent = label[0]; status.textContent = ''; }, 2000);
      });
    });
    code.after(button, status);
  });
})();
