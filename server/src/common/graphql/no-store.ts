import { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';

/**
 * Every GraphQL answer is `Cache-Control: no-store`: it is one signed-in person's view of
 * confidential records, for no shared cache or browser disk to keep.
 *
 * Apollo's own cache-control plugin used to say so, but it hooks every resolved field to work out
 * cache hints this API never gives, and its hook makes Apollo wrap every field's resolver
 * (profiled, issue 15). It is off; this sets the one header it ended up sending.
 */
export const noStorePlugins = (): ApolloServerPlugin[] => [
  ApolloServerPluginCacheControlDisabled(),
  {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          response.http.headers.set('cache-control', 'no-store');
        },
      };
    },
  },
];
