import { inject, Injectable, signal } from '@angular/core';
import { MatDialog, MatDialogRef } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import { Subject } from 'rxjs';
import { SessionStore } from '../../core/auth/session.store';
import type { TimelineEngagementFragment } from '../../graphql/generated';
import { LogEngagementDialogComponent, LogEngagementDialogData } from './components/log-engagement.dialog';
import type { NamedRef } from './data-access/log-engagement.model';

/** What the page on screen is about, so the dialog starts there. */
export interface LogEngagementContext {
  organisation?: NamedRef | null;
  contacts?: NamedRef[];
}

/**
 * Opens the Log engagement dialog from anywhere (toolbar button, "l" shortcut, a page) and tells
 * timelines when an engagement was logged, so they show it at once.
 */
@Injectable({ providedIn: 'root' })
export class LogEngagementService {
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private ref: MatDialogRef<LogEngagementDialogComponent, TimelineEngagementFragment> | null = null;

  /** Set by the organisation and contact pages while they are shown. */
  readonly context = signal<LogEngagementContext | null>(null);
  private readonly loggedSubject = new Subject<TimelineEngagementFragment>();
  readonly logged$ = this.loggedSubject.asObservable();

  /** Does nothing for viewers, or while the dialog is already open. */
  open(context: LogEngagementContext | null = this.context()): void {
    if (!this.session.canWrite() || this.ref) return;
    const user = this.session.user();
    this.ref = this.dialog.open<LogEngagementDialogComponent, LogEngagementDialogData, TimelineEngagementFragment>(LogEngagementDialogComponent, {
      data: { organisation: context?.organisation ?? null, contacts: context?.contacts ?? [], departmentId: user?.departments?.[0]?.id ?? null },
      autoFocus: 'first-tabbable',
      restoreFocus: true,
      // No opening animation: focus lands in Organisation at once, so fast typists lose no keys.
      enterAnimationDuration: 0,
      width: '680px',
      maxWidth: '96vw',
      ariaLabelledBy: 'log-engagement-title',
    });
    this.ref.afterClosed().subscribe((logged) => {
      this.ref = null;
      if (!logged) return;
      this.loggedSubject.next(logged);
      const where = logged.organisation;
      const onItsPage = where && this.router.url.split(/[?#]/)[0] === `/organisations/${where.id}`;
      const snack = this.snackBar.open('Engagement logged', where && !onItsPage ? 'Open' : 'Dismiss');
      if (where && !onItsPage) snack.onAction().subscribe(() => void this.router.navigate(['/organisations', where.id]));
    });
  }
}
