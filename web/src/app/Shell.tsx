import { type ReactNode } from 'react';
import { NavLink } from 'react-router';
import { Button, Layout, Switch } from 'antd';
import { useAuth } from '../auth/AuthProvider';

const { Header, Content, Footer } = Layout;

/**
 * The frame of every page: the institute's name, the sections of the person's role, the low-vision switch, sign-out.
 * Plain links for the sections: a menu component would weigh more than every first screen can afford.
 */
export function Shell({ contrast, onContrast, children }: { contrast: boolean; onContrast: (on: boolean) => void; children: ReactNode }) {
  const { person, signOut } = useAuth();
  const items: [string, string][] = person.isStaff ? [
    ['/', 'Очереди'], ['/staff/applications', 'Заявки'], ['/staff/representatives', 'Представители'],
    ['/staff/programmes', 'Программы'], ['/staff/read-models', 'Модели чтения'],
    ['/staff/operations', 'Эксплуатация'], ['/staff/retention', 'Сроки хранения'],
  ] : person.isAuditor ? [['/', 'Поиск заявки'], ['/staff/retention', 'Сроки хранения']] : [['/', 'Мои заявки'], ['/profile', 'Профиль и настройки']];
  return (
    <Layout style={{ minHeight: '100%' }}>
      <a className="skip-link" href="#main">Перейти к содержимому</a>
      <Header className="cabinet-header">
        <span className="brand">ФГБУ «ФИОКО» — личный кабинет</span>
        <nav aria-label="Разделы" className="sections">
          {items.map(([to, label]) => <NavLink key={to} to={to} end={to === '/'}>{label}</NavLink>)}
        </nav>
        <span className="who">
          <label htmlFor="contrast-switch" title="Крупный шрифт и высокий контраст">Версия для слабовидящих</label>{' '}
          <Switch id="contrast-switch" checked={contrast} onChange={onContrast} />
        </span>
        <span className="who" aria-label="Вы вошли как">{person.name || person.login}</span>
        <Button onClick={signOut}>Выход</Button>
      </Header>
      <Content id="main" tabIndex={-1}>
        <div className="page">{children}</div>
      </Content>
      <Footer style={{ textAlign: 'center' }}>
        ФГБУ «Федеральный институт оценки качества образования» · отдел повышения квалификации
      </Footer>
    </Layout>
  );
}
