// A real OpenID Connect provider for the tests: `oidc-provider` (certified by the OpenID
// Foundation), in a process of its own because it is an ES module. Its development interactions
// sign in any login with any password, as the province's identity provider would sign in its
// people; the login becomes `sub` and `preferred_username`, or, written `subject:username`, each its
// part (a person whose name at the provider changed). Prints "ready <issuer>" once it listens.
//   node test/support/oidc-provider.mjs <port> <redirect uri> <post-logout redirect uri>
import Provider from 'oidc-provider';

const [port, redirectUri, postLogoutUri] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;
const provider = new Provider(issuer, {
  clients: [
    {
      client_id: 'vinhdanh',
      client_secret: 'the-test-client-secret-of-vinh-danh',
      redirect_uris: [redirectUri],
      post_logout_redirect_uris: [postLogoutUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  pkce: { required: () => true, methods: ['S256'] },
  claims: { openid: ['sub'], profile: ['preferred_username', 'name'] },
  findAccount: async (_ctx, id) => {
    const [sub, username = sub] = id.split(':');
    return { accountId: id, claims: async () => ({ sub, preferred_username: username, name: username }) };
  },
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  cookies: { keys: ['the-test-cookie-key-of-vinh-danh'] },
  ttl: { Session: 3600, Grant: 3600, Interaction: 600, AuthorizationCode: 60, AccessToken: 600, IdToken: 600 },
});
// Plain HTTP on loopback in the tests: the provider's cookies and redirects must not ask for HTTPS.
provider.proxy = false;
provider.listen(Number(port), '127.0.0.1', () => process.stdout.write(`ready ${issuer}\n`));
