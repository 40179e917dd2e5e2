import { signXml } from '@node-saml/node-saml/lib/xml';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { inflateRawSync } from 'node:zlib';

/** A SAML identity provider in miniature: it reads our AuthnRequest and writes (and signs) the Response an IdP would POST back. */
const FIXTURES = path.join(__dirname, '..', 'fixtures', 'saml');
export const IDP_ENTITY_ID = 'https://idp.test/saml/metadata';
export const IDP_CERT = fs.readFileSync(path.join(FIXTURES, 'idp-cert.pem'), 'utf8');
export const IDP_KEY = fs.readFileSync(path.join(FIXTURES, 'idp-key.pem'), 'utf8');
export const OTHER_KEY = fs.readFileSync(path.join(FIXTURES, 'other-key.pem'), 'utf8');

/** The ID of the AuthnRequest carried (deflated, base64) in the redirect to the IdP. */
export function authnRequestId(redirect: string): string {
  const xml = inflateRawSync(Buffer.from(new URL(redirect).searchParams.get('SAMLRequest')!, 'base64')).toString('utf8');
  return xml.match(/\sID="([^"]+)"/)![1];
}

export interface AssertionInput {
  inResponseTo: string;
  nameId: string;
  attributes: Record<string, string[]>;
  audience: string;
  acsUrl: string;
  /** When the assertion stops being valid; default five minutes from now. */
  notOnOrAfter?: Date;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function samlResponseXml(a: AssertionInput): string {
  const now = new Date();
  const issued = now.toISOString();
  const until = (a.notOnOrAfter ?? new Date(now.getTime() + 5 * 60_000)).toISOString();
  const notBefore = new Date(Math.min(now.getTime(), (a.notOnOrAfter?.getTime() ?? Infinity) - 10 * 60_000) - 60_000).toISOString();
  const attributes = Object.entries(a.attributes).map(([name, values]) =>
    `<saml:Attribute Name="${escape(name)}">${values.map((v) => `<saml:AttributeValue>${escape(v)}</saml:AttributeValue>`).join('')}</saml:Attribute>`).join('');
  return `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_${randomUUID()}" Version="2.0" IssueInstant="${issued}" Destination="${escape(a.acsUrl)}" InResponseTo="${escape(a.inResponseTo)}">`
    + `<saml:Issuer>${IDP_ENTITY_ID}</saml:Issuer>`
    + `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>`
    + `<saml:Assertion ID="_${randomUUID()}" Version="2.0" IssueInstant="${issued}">`
    + `<saml:Issuer>${IDP_ENTITY_ID}</saml:Issuer>`
    + `<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">${escape(a.nameId)}</saml:NameID>`
    + `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="${until}" Recipient="${escape(a.acsUrl)}" InResponseTo="${escape(a.inResponseTo)}"/></saml:SubjectConfirmation></saml:Subject>`
    + `<saml:Conditions NotBefore="${notBefore}" NotOnOrAfter="${until}"><saml:AudienceRestriction><saml:Audience>${escape(a.audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>`
    + `<saml:AuthnStatement AuthnInstant="${issued}" SessionIndex="_${randomUUID()}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>`
    + `<saml:AttributeStatement>${attributes}</saml:AttributeStatement>`
    + `</saml:Assertion></samlp:Response>`;
}

/** Signs the assertion (enveloped, RSA-SHA256, after its Issuer, as IdPs do). */
export function signAssertion(xml: string, privateKey: string): string {
  return signXml(xml, "//*[local-name(.)='Assertion']", { reference: "//*[local-name(.)='Assertion']/*[local-name(.)='Issuer']", action: 'after' },
    { privateKey, signatureAlgorithm: 'sha256', digestAlgorithm: 'sha256' });
}

/** The form field an IdP POSTs to the ACS. */
export const asPost = (xml: string) => ({ SAMLResponse: Buffer.from(xml, 'utf8').toString('base64') });
