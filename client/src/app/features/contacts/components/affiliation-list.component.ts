import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { AffiliationItemFragment } from '../../../graphql/generated';
import { affiliationPeriod } from '../data-access/affiliation-period';

/**
 * Affiliations as a list: on an organisation page each names the person, on a contact page the
 * organisation; either way the name is a link.
 */
@Component({
  selector: 'bce-affiliation-list',
  imports: [RouterLink],
  template: `
    @if (!affiliations().length) {
      @if (emptyText()) {
        <p class="empty-note">{{ emptyText() }}</p>
      }
    } @else {
      <ul class="affiliations">
        @for (a of affiliations(); track a.id) {
          <li [class.past]="!a.current">
            <div class="who">
              @if (show() === 'contact') {
                @if (a.contact) {
                  <a [routerLink]="['/contacts', a.contact.id]" class="name">{{ a.contact.name }}</a>
                } @else {
                  <span class="name muted">A confidential contact</span>
                }
              } @else {
                @if (a.organisation) {
                  <a [routerLink]="['/organisations', a.organisation.id]" class="name">{{ a.organisation.name }}</a>
                } @else {
                  <span class="name muted">A confidential organisation</span>
                }
              }
              @if (a.isPrimary && a.current) {
                <span class="badge">Primary</span>
              }
            </div>
            <div class="detail muted">
              @if (a.role) {
                <span>{{ a.role }}</span>
              } @else if (show() === 'contact' && a.contact?.jobTitle) {
                <span>{{ a.contact?.jobTitle }}</span>
              }
              <span>{{ period(a.fromDate, a.toDate, a.current) }}</span>
              @if (show() === 'contact' && a.contact?.emails?.length) {
                <a [href]="'mailto:' + a.contact!.emails[0]">{{ a.contact!.emails[0] }}</a>
              }
            </div>
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .affiliations {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    li {
      padding: 8px 0;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .who {
      display: flex;
      gap: 8px;
      align-items: center;
      flex-wrap: wrap;
    }
    .name {
      font-weight: 500;
    }
    .detail {
      display: flex;
      flex-wrap: wrap;
      gap: 2px 16px;
      font: var(--mat-sys-body-medium);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AffiliationListComponent {
  readonly affiliations = input.required<readonly AffiliationItemFragment[]>();
  /** Which side of the link to name. */
  readonly show = input<'contact' | 'organisation'>('contact');
  readonly emptyText = input('None recorded.');

  protected readonly period = affiliationPeriod;
}
