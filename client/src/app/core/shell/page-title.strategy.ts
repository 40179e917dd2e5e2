import { inject, Injectable } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterStateSnapshot, TitleStrategy } from '@angular/router';

export const PRODUCT_NAME = 'BCE CRM';

/** "Organisations · BCE CRM": screen readers announce the page on every navigation. */
@Injectable()
export class PageTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);

  override updateTitle(snapshot: RouterStateSnapshot): void {
    const page = this.buildTitle(snapshot);
    this.title.setTitle(page ? `${page} · ${PRODUCT_NAME}` : PRODUCT_NAME);
  }
}

/** For pages whose title is only known after loading, e.g. an organisation's name. */
export function pageTitle(page: string): string {
  return `${page} · ${PRODUCT_NAME}`;
}
