import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatListModule } from '@angular/material/list';
import { MatMenuModule } from '@angular/material/menu';
import { MatSidenav, MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { map } from 'rxjs';
import { labelOf, ROLE_LABELS } from '../../shared/labels/enum-labels';
import { AuthService } from '../auth/auth.service';
import { NAV_ITEMS } from './nav-items';
import { PRODUCT_NAME } from './page-title.strategy';

/** Toolbar, side navigation and user menu around every signed-in page. */
@Component({
  selector: 'bce-shell',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, MatToolbarModule, MatSidenavModule, MatListModule, MatButtonModule, MatMenuModule],
  templateUrl: './shell.component.html',
  styleUrl: './shell.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ShellComponent {
  private readonly auth = inject(AuthService);
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');
  private readonly drawer = viewChild.required(MatSidenav);

  protected readonly productName = PRODUCT_NAME;
  protected readonly navItems = NAV_ITEMS;
  protected readonly user = this.auth.user;
  protected readonly roleLabel = computed(() => labelOf(ROLE_LABELS, this.user()?.role, ''));
  protected readonly narrow = toSignal(inject(BreakpointObserver).observe('(max-width: 840px)').pipe(map((state) => state.matches)), {
    initialValue: false,
  });

  protected skipToContent(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus();
  }

  /** On a narrow screen the drawer covers the page: close it once a link is followed. */
  protected navigated(): void {
    if (this.narrow()) void this.drawer().close();
  }

  protected signOut(): void {
    void this.auth.signOut();
  }
}
