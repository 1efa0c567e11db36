// Where Dagsorden listens: without an app id requests are not authenticated, so only
// this machine may reach it unless that is asked for by name.
import { ConfigError, loadConfig } from '../src/config';

const APP = { MicrosoftAppId: '11111111-1111-1111-1111-111111111111', MicrosoftAppPassword: 'x', MicrosoftAppTenantId: '22222222-2222-2222-2222-222222222222' };

describe('HOST', () => {
  it('is this machine only by default without an app id, every interface with one', () => {
    expect(loadConfig({}).HOST).toBe('127.0.0.1');
    expect(loadConfig(APP).HOST).toBe('0.0.0.0');
  });

  it('refuses an address beyond this machine without an app id, naming the way out', () => {
    for (const HOST of ['0.0.0.0', '::', '10.0.0.5', 'dagsorden.example.dk']) {
      expect(() => loadConfig({ HOST })).toThrow(ConfigError);
      expect(() => loadConfig({ HOST })).toThrow(/HOST: .*ALLOW_UNAUTHENTICATED=true/);
    }
  });

  it('allows it when told explicitly, or with an app id; loopback addresses always', () => {
    expect(loadConfig({ HOST: '0.0.0.0', ALLOW_UNAUTHENTICATED: 'true' }).HOST).toBe('0.0.0.0');
    expect(loadConfig({ ...APP, HOST: '10.0.0.5' }).HOST).toBe('10.0.0.5');
    for (const HOST of ['127.0.0.1', 'localhost', '::1', '127.0.1.1']) expect(loadConfig({ HOST }).HOST).toBe(HOST);
  });
});

describe('FILE_LINK_DAYS', () => {
  it('is 30 by default, a whole number of days of at least one', () => {
    expect(loadConfig({}).FILE_LINK_DAYS).toBe(30);
    expect(loadConfig({ FILE_LINK_DAYS: '7' }).FILE_LINK_DAYS).toBe(7);
    expect(() => loadConfig({ FILE_LINK_DAYS: '0' })).toThrow(ConfigError);
  });
});
