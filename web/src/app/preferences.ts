/** «Версия для слабовидящих» (seed l.11): larger type and high contrast, kept per person on this browser. */
export function loadContrast(sub: string): boolean {
  return window.localStorage.getItem(`cabinet.contrast.${sub}`) === 'on';
}

export function saveContrast(sub: string, on: boolean) {
  window.localStorage.setItem(`cabinet.contrast.${sub}`, on ? 'on' : 'off');
  document.body.classList.toggle('contrast', on);
}
