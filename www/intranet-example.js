// The example intranet page: mounts the calculator into #hrdd-calculator, and shows the outcome
// summary that the embedded calculator sends when settings.json allows this page's origin.
import './boot.js';

window.addEventListener('message', (event) => {
  const frame = document.getElementById('calculator-frame');
  if (event.source !== frame?.contentWindow || event.data?.type !== 'hrdd-calculator/outcome') return;
  (window.hrddReceived ??= []).push(event.data);
  document.getElementById('received-outcome').textContent = event.data.outcome_label ?? event.data.outcome ?? 'received';
});
