import { EnvironmentProviders, inject, makeEnvironmentProviders } from '@angular/core';
import { Router } from '@angular/router';
import { ApolloLink, InMemoryCache } from '@apollo/client/core';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { provideApollo } from 'apollo-angular';
import { HttpLink } from 'apollo-angular/http';
import { SessionStore } from '../auth/session.store';
import { hasErrorCode } from '../errors/api-error';
import { extractFiles } from './extract-files';

/** Same origin as the page: the server serves the client and the API together. */
export const GRAPHQL_URI = '/graphql';

// Login's UNAUTHENTICATED means "wrong password"; Me's is handled by the route guard, which
// knows where the person was going. Any other operation's means the session is over.
const HANDLED_ELSEWHERE = new Set(['Login', 'Me']);

export function provideGraphql(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideApollo(() => {
      const httpLink = inject(HttpLink);
      const session = inject(SessionStore);
      const router = inject(Router);

      const bearer = new SetContextLink((prev) => {
        const token = session.token();
        if (!token) return {};
        const headers = (prev['headers'] as Record<string, string> | undefined) ?? {};
        return { headers: { ...headers, Authorization: `Bearer ${token}` } };
      });

      const sessionEnded = new ErrorLink(({ error, operation }) => {
        if (HANDLED_ELSEWHERE.has(operation.operationName ?? '') || !hasErrorCode(error, 'UNAUTHENTICATED')) return;
        session.clear();
        void operation.client.clearStore().catch(() => undefined);
        const here = router.url;
        if (!here.startsWith('/sign-in')) {
          void router.navigate(['/sign-in'], { queryParams: here && here !== '/' ? { returnUrl: here } : {} });
        }
      });

      return {
        link: ApolloLink.from([sessionEnded, bearer, httpLink.create({ uri: GRAPHQL_URI, extractFiles: (body) => extractFiles(body) })]),
        cache: new InMemoryCache(),
        // Lists and records are read fresh: colleagues edit the same organisations all day.
        defaultOptions: { query: { fetchPolicy: 'network-only' } },
      };
    }),
  ]);
}
