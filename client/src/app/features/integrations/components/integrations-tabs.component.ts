import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';

/** The two integration pages, as tabs under the page heading. */
@Component({
  selector: 'bce-integrations-tabs',
  imports: [RouterLink, RouterLinkActive],
  template: `
    <nav aria-label="Integrations" class="tabs">
      <a routerLink="/settings/integrations/api-keys" routerLinkActive="active" ariaCurrentWhenActive="page">API keys</a>
      <a routerLink="/settings/integrations/webhooks" routerLinkActive="active" ariaCurrentWhenActive="page">Webhooks</a>
    </nav>
  `,
  styles: `
    .tabs { display: flex; gap: 4px; border-bottom: 1px solid var(--mat-sys-outline-variant); margin: 0 0 16px; }
    a {
      padding: 10px 16px;
      color: var(--mat-sys-on-surface-variant);
      text-decoration: none;
      font: var(--mat-sys-title-small);
      border-bottom: 3px solid transparent;
      margin-bottom: -1px;
    }
    a:hover { color: var(--mat-sys-on-surface); }
    a.active { color: var(--mat-sys-primary); border-bottom-color: var(--mat-sys-primary); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IntegrationsTabsComponent {}
