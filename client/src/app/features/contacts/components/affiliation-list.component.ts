import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { AffiliationItemFragment } from '../../../graphql/generated';
import { affiliationPeriod } from '../data-access/affiliation-period';

/**
 * Affiliations as a list: on an organisation page each names the person, on a contact page the
 * organisation; either way the name is a link. With `actions` on, each row offers Edit, and a
 * current one End; the page opens the dialogs.
 */
@Component({
  selector: 'bce-affiliation-list',
  imports: [RouterLink, MatButtonModule],
  template: `
    @if (!affiliations().length) {
      @if (emptyText()) {
        <p class="empty-note">{{ emptyText() }}</p>
      }
    } @else {
      <ul class="affiliations">
        @for (a of affiliations(); track a.id) {
          <li [class.past]="!a.current" [attr.id]="actions() ? 'affiliation-' + a.id : null" [attr.tabindex]="actions() ? -1 : null">
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
              @if (actions()) {
                <span class="actions">
                  <button mat-button type="button" (click)="edit.emit(a)" [attr.aria-label]="'Edit role at ' + nameOf(a)">Edit</button>
                  @if (a.current) {
                    <button mat-button type="button" (click)="end.emit(a)" [attr.aria-label]="'End role at ' + nameOf(a)">End</button>
                  }
                </span>
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
    .actions {
      margin-left: auto;
      display: flex;
      gap: 4px;
    }
    li:focus-visible {
      outline: 3px solid var(--mat-sys-primary);
      outline-offset: 2px;
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
  /** Offer Edit and End on each row (a writer on the contact page); off by default. */
  readonly actions = input(false);
  readonly edit = output<AffiliationItemFragment>();
  readonly end = output<AffiliationItemFragment>();

  protected readonly period = affiliationPeriod;

  protected nameOf(a: AffiliationItemFragment): string {
    return (this.show() === 'contact' ? a.contact?.name : a.organisation?.name) ?? 'a confidential record';
  }
}
