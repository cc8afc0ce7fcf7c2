import { Button, Result } from 'antd';
import { Link } from 'react-router';

export function NotFound() {
  return (
    <Result status="404" title="Страница не найдена" subTitle="Такой страницы в личном кабинете нет."
      extra={<Link to="/"><Button type="primary">На главную</Button></Link>} />
  );
}
