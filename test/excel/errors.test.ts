import { ServiceError } from '../../src/taskpane/services';
import { closeAll, fillClean, setup, spoil } from './setup';

afterAll(closeAll);

async function installed(): Promise<Awaited<ReturnType<typeof setup>>> {
  const s = await setup();
  await s.services.installTemplate();
  fillClean(s.model);
  return s;
}

describe('errors users meet', () => {
  test('a cell in edit mode: retried after a pause, then succeeds', async () => {
    const { model, host, services } = await installed();
    spoil(model, 2);
    host.failNext('InvalidOperationInCellEditMode', 2);
    const outcome = await services.check();
    expect(outcome.findings).toHaveLength(2);
  });

  test('a cell that stays in edit mode: a Chinese message, nothing changed', async () => {
    const { model, host, services } = await installed();
    spoil(model, 2);
    host.failNext('InvalidOperationInCellEditMode', 10);
    const error = await services.check().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ code: 'cell-edit' });
    expect((error as Error).message).toMatch(/编辑/);
    expect(model.sheet('表三').notes.size).toBe(0);
  });

  test('the first sync hangs (Excel on the web): started again, then busy', async () => {
    const s = await setup('1.18', { policy: { sleep: async () => undefined, firstSyncTimeoutMs: 200 } });
    await s.services.installTemplate();
    fillClean(s.model);
    const { host, services } = s;
    host.hangNext(1);
    await expect(services.check()).resolves.toMatchObject({ located: 'names' });
    host.hangNext(2);
    await expect(services.check()).rejects.toMatchObject({ code: 'busy' });
  });

  test('a sheet protected with a password: says which, nothing lost', async () => {
    const { model, services } = await installed();
    spoil(model, 1);
    const t3 = model.sheet('表三');
    t3.protection.password = 'secret';
    await expect(services.check()).rejects.toMatchObject({ code: 'protected', message: expect.stringContaining('「表三」') });
    expect(t3.notes.size).toBe(0);
    expect(t3.protection.protected).toBe(true);
    await expect(services.installTemplate()).rejects.toMatchObject({ code: 'protected' });
  });

  test('a protected sheet without password is unprotected around our writes and protected again', async () => {
    const { model, services } = await installed();
    spoil(model, 1);
    await services.check();
    expect(model.sheet('表三').protection.protected).toBe(true);
    expect(model.sheet('表三').notes.size).toBe(1);
  });

  test('a host below ExcelApi 1.8: api-missing, no call made', async () => {
    const { host, services } = await setup('1.7');
    await expect(services.installTemplate()).rejects.toMatchObject({ code: 'api-missing' });
    expect(host.syncs).toBe(0);
  });

  test('no template installed', async () => {
    const { services } = await setup();
    await expect(services.check()).rejects.toMatchObject({ code: 'no-template' });
  });

  test('any other Office error becomes a ServiceError naming its code', async () => {
    const { host, services } = await installed();
    host.failNext('GeneralException', 1);
    await expect(services.check()).rejects.toMatchObject({ code: 'unknown', message: expect.stringContaining('GeneralException') });
  });
});
