import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '../../../app/layouts/LanguageSwitch';

/** A centred card on its own page (no menu), as members see it on a phone after scanning the QR code. */
export function PublicCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'flex-start',
        justifyContent: 'center',
        padding: '24px 12px',
        background: 'linear-gradient(160deg, #e6f0ff 0%, #f5f5f5 60%)',
      }}
    >
      <Card style={{ width: '100%', maxWidth: 420 }}>
        <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <LanguageSwitch />
        </div>
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 8, textAlign: 'center' }}>
          {title}
        </Typography.Title>
        {children}
      </Card>
    </main>
  );
}

/** Where to go after signing in: a same-site path from ?next=, else the member's meetings. */
export function safeNext(next: string | null): string {
  const ok = next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') && next !== '/';
  return ok && next ? next : '/cuoc-hop-cua-toi';
}
