package app.ombud.platform.security;

/**
 * How an API client gets tokens. CONFIDENTIAL: a tool that keeps a secret and gets tokens of its
 * own with the client-credentials grant (BI tools). PUBLIC: a script, desktop tool or GraphiQL
 * that keeps no secret; a person signs in through the portal (authorization code with PKCE) and
 * the token names that person.
 */
public enum ApiClientType { CONFIDENTIAL, PUBLIC }
