/**
 * The viewing point's idle reset, for browsers with JavaScript (without it, reading pages fall back to a
 * `<noscript>` meta refresh and forms are never reset). Idle means no real input — pointer, key, touch, wheel,
 * scroll — for the page's `data-idle` seconds; 30 seconds before, a warning asks whether to go on. A form
 * someone has typed in is never discarded: the warning then waits for an answer (continue, or clear and leave).
 */
export const KIOSK_JS = `(function () {
  var body = document.body;
  var idle = Number(body.getAttribute('data-idle') || 0);
  if (!idle) return;
  var WARN = 30;
  var dirty = false;
  var last = Date.now();
  var box = null;
  function show(n) {
    if (!box) {
      box = document.createElement('div');
      box.className = 'kiosk-warning';
      box.setAttribute('role', 'alertdialog');
      box.setAttribute('aria-modal', 'true');
      box.setAttribute('aria-labelledby', 'kiosk-warning-text');
      box.innerHTML = '<p id="kiosk-warning-text"></p><p><button type="button" class="primary" data-k="stay"></button> <button type="button" data-k="leave"></button></p>';
      box.querySelector('[data-k=stay]').textContent = dirty ? '继续填写' : '继续浏览';
      box.querySelector('[data-k=leave]').textContent = dirty ? '清除并返回首页' : '返回首页';
      box.addEventListener('click', function (e) {
        var k = e.target && e.target.getAttribute && e.target.getAttribute('data-k');
        if (k === 'leave') location.href = '/';
        if (k === 'stay') wake();
      });
      body.appendChild(box);
      box.querySelector('[data-k=stay]').focus();
    }
    box.querySelector('#kiosk-warning-text').textContent = dirty
      ? '您已较长时间没有操作。已填写的内容会保留，请选择继续填写，或清除后返回首页。'
      : '您已较长时间没有操作，' + n + ' 秒后将返回首页。';
  }
  function wake() {
    last = Date.now();
    if (box) { box.remove(); box = null; }
  }
  ['pointerdown', 'keydown', 'touchstart', 'wheel', 'scroll'].forEach(function (t) {
    window.addEventListener(t, function (e) { if (!box || !box.contains(e.target)) wake(); }, { passive: true, capture: true });
  });
  document.addEventListener('input', function (e) {
    if (e.target && e.target.form) dirty = true;
    wake();
  }, true);
  setInterval(function () {
    var left = idle - Math.round((Date.now() - last) / 1000);
    if (left <= WARN) show(Math.max(0, left));
    if (left <= 0 && !dirty) location.href = '/';
  }, 1000);
})();
`;
