import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { AuditEventItemFragment } from '../../graphql/generated';
import { formatDateTime } from '../dates/dates';
import { auditActionLabel, formatChanges, NameLookup, showsValuesOnly } from './audit-format';

/** A record's audit trail: who, when, what they did, and each field old → new. */
@Component({
  selector: 'bce-history-list',
  template: `
    @if (!rows().length) {
      <p class="empty-note">No changes recorded yet.</p>
    } @else {
      <ol class="history" aria-label="History">
        @for (row of rows(); track row.id) {
          <li>
            <p class="head">
              <strong>{{ row.action }}</strong>
              by {{ row.actor }}
              <time class="muted" [attr.datetime]="row.occurredAt">{{ row.when }}</time>
            </p>
            @if (row.changes.length) {
              <dl class="changes">
                @for (change of row.changes; track change.field) {
                  <div>
                    <dt>{{ change.label }}</dt>
                    <dd>
                      @if (row.isCreate) {
                        {{ change.new }}
                      } @else {
                        <span class="old">{{ change.old }}</span>
                        <span aria-hidden="true"> → </span><span class="visually-hidden"> changed to </span>
                        <span class="new">{{ change.new }}</span>
                      }
                    </dd>
                  </div>
                }
              </dl>
            }
          </li>
        }
      </ol>
    }
  `,
  styles: `
    .history {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    li {
      padding: 10px 0;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .head {
      margin: 0 0 4px;
      display: flex;
      flex-wrap: wrap;
      gap: 4px 8px;
      align-items: baseline;
    }
    .changes {
      margin: 0;
      display: grid;
      gap: 2px;
      font: var(--mat-sys-body-medium);
      div {
        display: grid;
        grid-template-columns: minmax(120px, 200px) minmax(0, 1fr);
        gap: 8px;
      }
      dt {
        color: var(--mat-sys-on-surface-variant);
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
    }
    .old {
      text-decoration: line-through;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HistoryListComponent {
  readonly events = input.required<readonly AuditEventItemFragment[]>();
  /** Names for ids the page knows (owner, department, organisation). */
  readonly lookup = input<NameLookup | undefined>(undefined);

  protected readonly rows = computed(() =>
    this.events().map((event) => ({
      id: event.id,
      occurredAt: event.occurredAt,
      when: formatDateTime(event.occurredAt),
      action: auditActionLabel(event.action, event.entityType),
      isCreate: showsValuesOnly(event.action, event.entityType),
      actor: event.actor?.name ?? 'the system',
      changes: formatChanges(event.changes, this.lookup()),
    })),
  );
}
