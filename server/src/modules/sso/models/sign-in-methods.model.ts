import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'How people can sign in here; the sign-in page shows only these' })
export class SignInMethods {
  @Field({ description: 'Email and password (false when LOCAL_LOGIN=false; break-glass accounts may still use it)' })
  local!: boolean;

  @Field({ description: 'OpenID Connect: start at GET /auth/oidc/login' })
  oidc!: boolean;

  @Field({ description: 'SAML 2.0: start at GET /auth/saml/login' })
  saml!: boolean;

  @Field(() => String, { nullable: true, description: 'The OIDC button text; null when OIDC is off' })
  oidcLabel!: string | null;

  @Field(() => String, { nullable: true, description: 'The SAML button text; null when SAML is off' })
  samlLabel!: string | null;
}
