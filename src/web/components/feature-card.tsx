import type { ReactNode } from 'react';

type FeatureCardProps = {
  icon: ReactNode;
  title: string;
  tagline: string;
  children: ReactNode;
};

export function FeatureCard({ icon, title, tagline, children }: FeatureCardProps) {
  return (
    <li className="flex flex-col rounded-2xl border border-border bg-surface p-6 shadow-card">
      <span className="inline-flex size-11 items-center justify-center rounded-xl bg-primary-soft text-primary">
        {icon}
      </span>
      <h3 className="mt-5 font-display text-2xl font-semibold text-foreground">{title}</h3>
      <p className="mt-1 text-sm font-medium text-primary">{tagline}</p>
      <p className="mt-3 leading-relaxed text-muted-foreground">{children}</p>
    </li>
  );
}
