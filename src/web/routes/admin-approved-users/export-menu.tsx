import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { ChevronDown, Download } from 'lucide-react';
import { buttonClasses } from '../../components/button.tsx';
import { useToast } from '../../components/toast.tsx';
import { type RegistryDownload, useRegistryDownload } from '../../hooks/use-waitlist.ts';
import { plainApiError } from '../../lib/plain-errors.ts';

const LABELS: Record<RegistryDownload, string> = {
  csv: 'Export CSV',
  json: 'Export JSON',
  backup: 'Download backup',
};

const itemClass =
  'flex cursor-default items-center rounded-md px-2.5 py-1.5 text-sm text-foreground outline-none select-none data-[highlighted]:bg-surface-muted';

/** Exports and the backup, in one menu: the file is fetched with the token, then saved. */
export function ExportMenu() {
  const download = useRegistryDownload();
  const toast = useToast();

  function start(kind: RegistryDownload) {
    download.mutate(kind, {
      onSuccess: (filename) => toast({ tone: 'success', title: `Downloaded ${filename}` }),
      onError: (error) =>
        toast({ tone: 'error', title: 'The download failed', description: plainApiError(error) }),
    });
  }

  return (
    // Not modal: a modal menu locks scrolling with an injected <style>, which the CSP refuses.
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger
        className={buttonClasses('secondary', 'sm')}
        disabled={download.isPending}
        aria-busy={download.isPending || undefined}
      >
        <Download aria-hidden="true" className="size-4" />
        Export
        <ChevronDown aria-hidden="true" className="size-4" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={4}
          className="z-50 min-w-44 rounded-lg border border-border bg-surface p-1 shadow-card"
        >
          {(Object.keys(LABELS) as RegistryDownload[]).map((kind) => (
            <DropdownMenu.Item key={kind} className={itemClass} onSelect={() => start(kind)}>
              {LABELS[kind]}
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
