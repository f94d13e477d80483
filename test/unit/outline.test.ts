import { checkOutline, fixtureFiles, readFixture } from './helpers';

describe('outline', () => {
  for (const name of fixtureFiles('outline')) {
    it(`matches the expected outline of ${name}`, () => checkOutline(readFixture('outline', name)));
  }
});
