import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatListModule } from '@angular/material/list';
import { MatMenuModule } from '@angular/material/menu';
import { MatSidenav, MatSidenavModule } from '@angular/material/sidenav';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatToolbarModule } from '@angular/material/toolbar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { map } from 'rxjs';
import { LogEngagementService } from '../../features/engagements/log-engagement.service';
import { shortcutFor } from '../../shared/keyboard/shortcuts';
import { labelOf, ROLE_LABELS } from '../../shared/labels/enum-labels';
import { AuthService } from '../auth/auth.service';
import { ChangePasswordDialog } from '../auth/change-password.dialog';
import { GlobalSearchComponent } from './global-search.component';
import { NAV_ITEMS } from './nav-items';
import { PRODUCT_NAME } from './page-title.strategy';

/**
 * Toolbar (search, Log engagement, user menu) and side navigation around every signed-in page,
 * and the app-wide shortcuts: "l" logs an engagement, "/" jumps to search.
 */
@Component({
  selector: 'bce-shell',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatToolbarModule,
    MatSidenavModule,
    MatListModule,
    MatButtonModule,
    MatMenuModule,
    MatTooltipModule,
    GlobalSearchComponent,
  ],
  host: { '(document:keydown)': 'onKeydown($event)' },
  templateUrl: './shell.component.html',
  styleUrl: './shell.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ShellComponent {
  private readonly auth = inject(AuthService);
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');
  private readonly drawer = viewChild.required(MatSidenav);
  private readonly search = viewChild.required(GlobalSearchComponent);
  private readonly dialog = inject(MatDialog);
  private readonly log = inject(LogEngagementService);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly productName = PRODUCT_NAME;
  protected readonly navItems = computed(() => NAV_ITEMS.filter((item) => (!item.managersOnly || this.auth.isManager()) && (!item.adminsOnly || this.auth.isAdmin())));
  protected readonly user = this.auth.user;
  protected readonly canWrite = this.auth.canWrite;
  protected readonly roleLabel = computed(() => labelOf(ROLE_LABELS, this.user()?.role, ''));
  protected readonly narrow = toSignal(inject(BreakpointObserver).observe('(max-width: 840px)').pipe(map((state) => state.matches)), {
    initialValue: false,
  });

  protected logEngagement(): void {
    this.log.open();
  }

  protected onKeydown(event: KeyboardEvent): void {
    // With a dialog or menu open, keys belong to it.
    if (this.dialog.openDialogs.length || document.querySelector('.cdk-overlay-container .mat-mdc-menu-panel')) return;
    const shortcut = shortcutFor(event);
    if (shortcut === 'search') {
      event.preventDefault();
      this.search().focus();
    } else if (shortcut === 'log-engagement' && this.canWrite()) {
      event.preventDefault();
      this.log.open();
    }
  }

  protected focusMain(): void {
    this.main().nativeElement.focus();
  }

  protected skipToContent(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus();
  }

  /** On a narrow screen the drawer covers the page: close it once a link is followed. */
  protected navigated(): void {
    if (this.narrow()) void this.drawer().close();
  }

  protected changePassword(): void {
    const ref = this.dialog.open(ChangePasswordDialog, { ariaLabelledBy: 'change-password-title', restoreFocus: true });
    ref.afterClosed().subscribe((changed) => {
      if (changed) this.snackBar.open('Password changed. Your other sessions are signed out.', undefined, { duration: 4000 });
    });
  }

  protected signOut(): void {
    void this.auth.signOut();
  }
}
