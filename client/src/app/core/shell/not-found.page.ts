import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'bce-not-found-page',
  imports: [RouterLink, MatButtonModule],
  template: `
    <h1>Page not found</h1>
    <p>The address may be mistyped, or the page may have moved.</p>
    <a mat-flat-button routerLink="/organisations">Go to organisations</a>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFoundPage {}
