import { theme } from 'antd';
import type { CSSProperties, ReactNode } from 'react';

interface Props<T> {
  items: T[];
  rowKey: (item: T) => string;
  renderItem: (item: T) => ReactNode;
  empty?: ReactNode;
  bordered?: boolean;
  style?: CSSProperties;
  'aria-label'?: string;
}

/** A plain accessible list (antd's List is deprecated in v6, Listy is virtualised and overkill here). */
export function SimpleList<T>({ items, rowKey, renderItem, empty, bordered, style, ...rest }: Props<T>) {
  const { token } = theme.useToken();
  if (items.length === 0) return <div style={{ padding: 12, color: token.colorTextSecondary }}>{empty}</div>;
  return (
    <ul
      aria-label={rest['aria-label']}
      style={{
        listStyle: 'none',
        margin: 0,
        padding: 0,
        border: bordered ? `1px solid ${token.colorBorderSecondary}` : undefined,
        borderRadius: token.borderRadiusLG,
        ...style,
      }}
    >
      {items.map((item, i) => (
        <li
          key={rowKey(item)}
          style={{
            padding: '8px 12px',
            borderTop: i === 0 ? undefined : `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          {renderItem(item)}
        </li>
      ))}
    </ul>
  );
}
