// Graph's event resource to the domain's event, Retry-After, and the configuration of
// Graph: one way to sign in, complete, and refused naming the variable otherwise.
import { ClientCertificateCredential, ClientSecretCredential, ManagedIdentityCredential } from '@azure/identity';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { graphCredential, splitBaseUrl } from '../../src/calendar/graph-client';
import { graphEventSchema, instantOf, isComplete, splitLocation, toCalendarEvent } from '../../src/calendar/graph-event';
import { retryAfterMs } from '../../src/calendar/graph-transport';
import { ConfigError, graphSettings, loadConfig } from '../../src/config';

describe('Graph events', () => {
  it('reads start and end in the zone Graph names: IANA, Windows or UTC', () => {
    expect(instantOf({ dateTime: '2027-01-14T13:00:00.0000000', timeZone: 'Europe/Copenhagen' })!.toISOString()).toBe('2027-01-14T12:00:00.000Z');
    expect(instantOf({ dateTime: '2027-07-14T13:00:00.0000000', timeZone: 'Romance Standard Time' })!.toISOString()).toBe('2027-07-14T11:00:00.000Z');
    expect(instantOf({ dateTime: '2027-01-14T12:00:00.0000000', timeZone: 'UTC' })!.toISOString()).toBe('2027-01-14T12:00:00.000Z');
    expect(instantOf({ dateTime: '2027-01-14T13:00:00', timeZone: 'Mars/Olympus_Mons' })).toBeNull();
    expect(instantOf({ dateTime: 'tomorrow', timeZone: 'UTC' })).toBeNull();
  });

  it('splits a room off the place only where the location says "…, Lokale X"', () => {
    expect(splitLocation('Viborg Rådhus, Mødelokale M5')).toEqual({ place: 'Viborg Rådhus', room: 'Mødelokale M5' });
    expect(splitLocation('Regionshuset, lokale 1.12')).toEqual({ place: 'Regionshuset', room: 'lokale 1.12' });
    expect(splitLocation('Silkeborg Rådhus, Byrådssalen')).toEqual({ place: 'Silkeborg Rådhus, Byrådssalen', room: null });
    expect(splitLocation('  ')).toEqual({ place: null, room: null });
  });

  it('maps the event: the Teams link when it is https, cancelled, series fields', () => {
    const parsed = graphEventSchema.parse({
      id: 'AAMk=',
      iCalUId: '0400',
      type: 'occurrence',
      seriesMasterId: 'AAMkMaster=',
      subject: 'DASSOS temamøde',
      categories: ['DASSOS'],
      start: { dateTime: '2027-02-01T14:00:00.0000000', timeZone: 'Europe/Copenhagen' },
      end: { dateTime: '2027-02-01T15:00:00.0000000', timeZone: 'Europe/Copenhagen' },
      isCancelled: true,
      location: { displayName: 'Online', locationType: 'default' },
      onlineMeeting: { joinUrl: 'https://teams.microsoft.com/l/meetup-join/x' },
      attendees: [],
    });
    expect(toCalendarEvent(parsed)).toEqual({
      eventId: 'AAMk=',
      iCalUId: '0400',
      type: 'occurrence',
      seriesMasterId: 'AAMkMaster=',
      subject: 'DASSOS temamøde',
      categories: ['DASSOS'],
      startsAt: new Date('2027-02-01T13:00:00Z'),
      endsAt: new Date('2027-02-01T14:00:00Z'),
      place: 'Online',
      room: null,
      onlineUrl: 'https://teams.microsoft.com/l/meetup-join/x',
      isCancelled: true,
    });
    expect(toCalendarEvent({ ...parsed, onlineMeeting: { joinUrl: 'javascript:alert(1)' } })!.onlineUrl).toBeNull();
    expect(isComplete(graphEventSchema.parse({ id: 'AAMk=' }))).toBe(false);
  });

  it('reads Retry-After in seconds or as a date', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs('0')).toBe(0);
    expect(retryAfterMs('Wed, 02 Dec 2026 10:00:30 GMT', Date.parse('Wed, 02 Dec 2026 10:00:00 GMT'))).toBe(30_000);
    expect(retryAfterMs(null)).toBeNull();
    expect(retryAfterMs('soon')).toBeNull();
  });
});

describe('Graph configuration', () => {
  const base = { MicrosoftAppTenantId: '00000000-0000-0000-0000-0000000000001' };

  it('is off without credentials: meetings then come from the database', () => {
    expect(graphSettings(loadConfig({}))).toBeNull();
  });

  it('signs in with a client secret, a certificate or a managed identity, as configured', () => {
    const secret = graphSettings(loadConfig({ ...base, GRAPH_CLIENT_ID: '6f1c2b7e-8a1d-4c55-9a3e-0d7f3b1a2c4d', GRAPH_CLIENT_SECRET: 's3cret' }))!;
    expect(secret).toMatchObject({ auth: { kind: 'secret', tenantId: base.MicrosoftAppTenantId }, baseUrl: 'https://graph.microsoft.com/v1.0', write: false });
    expect(graphCredential(secret)).toBeInstanceOf(ClientSecretCredential);
    // Removed at once: the tests' temporary folder may be in memory (/dev/shm, jest.config.js).
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'graph-'));
    try {
      const pem = path.join(folder, 'app.pem');
      fs.writeFileSync(pem, '-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n');
      const cert = graphSettings(loadConfig({ GRAPH_TENANT_ID: 'contoso.onmicrosoft.com', GRAPH_CLIENT_ID: '6f1c2b7e-8a1d-4c55-9a3e-0d7f3b1a2c4d', GRAPH_CERTIFICATE_PATH: pem }))!;
      expect(cert.auth).toMatchObject({ kind: 'certificate', tenantId: 'contoso.onmicrosoft.com', certificatePath: pem });
      expect(graphCredential(cert)).toBeInstanceOf(ClientCertificateCredential);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
    const mi = graphSettings(loadConfig({ GRAPH_USE_MANAGED_IDENTITY: 'true', CALENDAR_WRITE: 'true', GRAPH_BASE_URL: 'https://graph.microsoft.us/v1.0/' }))!;
    expect(mi).toMatchObject({ auth: { kind: 'managed-identity', clientId: null }, baseUrl: 'https://graph.microsoft.us/v1.0', write: true, channelFiles: false });
    expect(graphSettings(loadConfig({ GRAPH_USE_MANAGED_IDENTITY: 'true', CHANNEL_FILES: 'true' }))).toMatchObject({ write: false, channelFiles: true });
    expect(graphCredential(mi)).toBeInstanceOf(ManagedIdentityCredential);
    expect(splitBaseUrl('https://graph.microsoft.us/v1.0')).toEqual({ host: 'https://graph.microsoft.us', version: 'v1.0', hostname: 'graph.microsoft.us' });
    expect(splitBaseUrl('http://127.0.0.1:4000/graph/beta')).toEqual({ host: 'http://127.0.0.1:4000/graph', version: 'beta', hostname: '127.0.0.1' });
  });

  it('stops start-up naming the variable that is wrong or missing', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (err) {
        return (err as ConfigError).problems;
      }
    };
    expect(problems({ CALENDAR_MAILBOX: 'kalender@dassos.dk' })).toEqual([expect.stringMatching(/^CALENDAR_MAILBOX: kræver adgang til Microsoft Graph/)]);
    expect(problems({ GRAPH_CLIENT_SECRET: 'x' })).toEqual([expect.stringMatching(/^GRAPH_CLIENT_ID: /), expect.stringMatching(/^GRAPH_TENANT_ID: /)]);
    expect(problems({ ...base, GRAPH_CLIENT_ID: '6f1c2b7e-8a1d-4c55-9a3e-0d7f3b1a2c4d', GRAPH_CLIENT_SECRET: 'x', GRAPH_USE_MANAGED_IDENTITY: 'true' })).toEqual([
      expect.stringMatching(/^GRAPH_CLIENT_SECRET: vælg én måde/),
    ]);
    expect(problems({ GRAPH_BASE_URL: 'https://graph.microsoft.com' })[0]).toMatch(/^GRAPH_BASE_URL: skal slutte med Graphs version/);
    expect(problems({ GRAPH_CERTIFICATE_PATH: '/nowhere/app.pem', GRAPH_CLIENT_ID: '6f1c2b7e-8a1d-4c55-9a3e-0d7f3b1a2c4d', ...base })[0]).toMatch(/^GRAPH_CERTIFICATE_PATH: filen findes ikke/);
    expect(problems({ CALENDAR_MAILBOX: 'not a mailbox' })[0]).toMatch(/^CALENDAR_MAILBOX: skal være en postkasses adresse/);
    expect(problems({ CALENDAR_SYNC_MINUTES: '-1' })[0]).toMatch(/^CALENDAR_SYNC_MINUTES: /);
    expect(problems({ CHANNEL_FILES: 'true' })).toEqual([expect.stringMatching(/^CHANNEL_FILES: kræver adgang til Microsoft Graph/)]);
  });
});
