import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createUserManager, type CabinetConfig } from './auth/session';
import './app/cabinet.css';

async function boot() {
  const root = createRoot(document.getElementById('root')!);
  let config: CabinetConfig;
  try {
    const response = await fetch('/config.json', { cache: 'no-store' });
    config = (await response.json()) as CabinetConfig;
  } catch {
    root.render(<p role="alert" style={{ padding: 24 }}>Личный кабинет недоступен: нет настроек входа. Повторите позже.</p>);
    return;
  }
  root.render(
    <StrictMode>
      <App config={config} manager={createUserManager(config)} />
    </StrictMode>,
  );
}

void boot();
