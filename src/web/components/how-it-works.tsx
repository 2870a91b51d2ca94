const steps = [
  { title: 'Ask for a place', text: 'Coaches and clients join the waitlist.' },
  { title: 'An admin approves', text: 'Each person is let in with the role that fits them.' },
  {
    title: 'Start coaching',
    text: 'Coaches invite clients; goals, sessions and documents live in one place.',
  },
];

export function HowItWorks() {
  return (
    <div className="rounded-2xl border border-border bg-surface p-6 shadow-card sm:p-8">
      <h2 className="font-display text-2xl font-semibold text-foreground">How people get in</h2>
      <ol className="mt-6 space-y-5">
        {steps.map((step, index) => (
          <li key={step.title} className="flex gap-4">
            <span
              aria-hidden="true"
              className="flex size-8 shrink-0 items-center justify-center rounded-full bg-primary-soft text-sm font-semibold text-primary tabular-nums"
            >
              {index + 1}
            </span>
            <div>
              <p className="font-medium text-foreground">{step.title}</p>
              <p className="mt-1 text-sm leading-relaxed text-muted-foreground">{step.text}</p>
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
