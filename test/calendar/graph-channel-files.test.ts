// What Teams' file card is built from: the id in a driveItem's eTag, and a file name SharePoint takes.
import { sharePointName, uniqueIdOf } from '../../src/calendar/graph-channel-files';
import { ChannelFilesError } from '../../src/domain/delivery/channel-files';

describe("the channel's Files", () => {
  it("read the file's unique id out of Graph's eTag, in the forms Graph writes it", () => {
    expect(uniqueIdOf('"{2d8f3b1a-2c4d-4c55-9a3e-0d7f3b1a2c4d},3"')).toBe('2D8F3B1A-2C4D-4C55-9A3E-0D7F3B1A2C4D');
    expect(uniqueIdOf('{2D8F3B1A-2C4D-4C55-9A3E-0D7F3B1A2C4D},1')).toBe('2D8F3B1A-2C4D-4C55-9A3E-0D7F3B1A2C4D');
    expect(uniqueIdOf('"aGVsbG8"')).toBeNull();
  });

  it('name files as SharePoint allows', () => {
    expect(sharePointName('Referat DASSOS 2026-05-18.docx')).toBe('Referat DASSOS 2026-05-18.docx');
    expect(sharePointName('Referat "Styregruppe: A/B" 2026-05-18.docx')).toBe('Referat -Styregruppe- A-B- 2026-05-18.docx');
    expect(sharePointName(' ..Referat. ')).toBe('Referat');
    expect(sharePointName('...')).toBe('dokument');
  });

  it('try again what Graph may answer later, and not what it refused', () => {
    expect(new ChannelFilesError('x', 403, 'accessDenied').permanent).toBe(true);
    expect(new ChannelFilesError('x', 404, 'itemNotFound').permanent).toBe(true);
    expect(new ChannelFilesError('x', 429, null).permanent).toBe(false);
    expect(new ChannelFilesError('x', 500, null).permanent).toBe(false);
    expect(new ChannelFilesError('lost connection', null, null).permanent).toBe(false);
  });
});
