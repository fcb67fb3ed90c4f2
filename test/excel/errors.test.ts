import { ServiceError } from '../../src/taskpane/services';
import { fillClean, setup, spoil } from './setup';

async function installed(): Promise<ReturnType<typeof setup>> {
  const s = setup();
  await s.services.installTemplate();
  fillClean(s.fake);
  return s;
}

describe('errors users meet', () => {
  test('a cell in edit mode: retried after a pause, then succeeds', async () => {
    const { fake, services } = await installed();
    spoil(fake, 2);
    fake.failNextSyncs('InvalidOperationInCellEditMode', 2);
    const outcome = await services.check();
    expect(outcome.findings).toHaveLength(2);
  });

  test('a cell that stays in edit mode: a Chinese message, nothing changed', async () => {
    const { fake, services } = await installed();
    spoil(fake, 2);
    fake.failNextSyncs('InvalidOperationInCellEditMode', 10);
    const error = await services.check().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ code: 'cell-edit' });
    expect((error as Error).message).toMatch(/编辑/);
    expect(fake.sheet('表三').notes.size).toBe(0);
  });

  test('the first sync hangs (Excel on the web): started again, then busy', async () => {
    const { fake, services } = await installed();
    fake.hangNextSyncs(1);
    await expect(services.check()).resolves.toMatchObject({ located: 'names' });
    fake.hangNextSyncs(2);
    await expect(services.check()).rejects.toMatchObject({ code: 'busy' });
  });

  test('a sheet protected with a password: says which, nothing lost', async () => {
    const { fake, services } = await installed();
    spoil(fake, 1);
    const t3 = fake.sheet('表三');
    t3.password = 'secret';
    await expect(services.check()).rejects.toMatchObject({ code: 'protected', message: expect.stringContaining('「表三」') });
    expect(t3.notes.size).toBe(0);
    expect(t3.protected).toBe(true);
    await expect(services.installTemplate()).rejects.toMatchObject({ code: 'protected' });
  });

  test('a protected sheet without password is unprotected around our writes and protected again', async () => {
    const { fake, services } = await installed();
    spoil(fake, 1);
    await services.check();
    expect(fake.sheet('表三').protected).toBe(true);
    expect(fake.sheet('表三').notes.size).toBe(1);
  });

  test('a host below ExcelApi 1.8: api-missing, no call made', async () => {
    const { fake, services } = setup('1.7');
    await expect(services.installTemplate()).rejects.toMatchObject({ code: 'api-missing' });
    expect(fake.syncs).toBe(0);
  });

  test('no template installed', async () => {
    const { services } = setup();
    await expect(services.check()).rejects.toMatchObject({ code: 'no-template' });
  });

  test('any other Office error becomes a ServiceError naming its code', async () => {
    const { fake, services } = await installed();
    fake.failNextSyncs('GeneralException', 1);
    await expect(services.check()).rejects.toMatchObject({ code: 'unknown', message: expect.stringContaining('GeneralException') });
  });
});
