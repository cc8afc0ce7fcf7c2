import { expect, test, type Page } from '@playwright/test';
import { env, eventually, linkInMailTo, screen, signInAt, signedIn, timeToUsable, upload, writeState } from './support';

/**
 * The procedure in the browser up to the course, each role in its own session: staff publish a programme; a school's
 * representative files an application (payment after the services) with two participants and their scans; staff
 * reject a scan and the school replaces it; staff accept and take it into work; the negotiation of the draft, signed
 * scans, conclusion, the access panel and the countersigned scan; the chat with an attachment both ways; a new
 * representative registers, is confirmed, and her school withdraws before conclusion. deploy/system-tests then moves
 * contract-service's clock past the course.
 */
test.describe.serial('before the course', () => {
  const title = `Функциональная грамотность: оценивание, поток ${Date.now() % 100000}`;
  let staff: Page;
  let school: Page;
  let applicationUrl = '';

  test.beforeAll(async ({ browser }) => {
    staff = await signedIn(browser, 'staff');
    school = await signedIn(browser, 'school');
  });

  test('staff publish the programme', async () => {
    await staff.getByRole('link', { name: 'Программы' }).click();
    await expect(staff.getByRole('heading', { name: 'Программы' })).toBeVisible();
    await staff.getByRole('button', { name: 'Новая программа' }).click();
    const dialog = staff.getByRole('dialog');
    await dialog.getByLabel('Название').fill(title);
    const start = env.programmeStart;
    const end = new Date(Date.parse(start) + 11 * 86_400_000).toISOString().slice(0, 10);
    await dialog.getByLabel('Начало').fill(start);
    await dialog.getByLabel('Окончание').fill(end);
    await dialog.getByLabel('Часов').fill('36');
    const subjects = dialog.getByLabel('Предметы');
    await subjects.fill('Математика');
    await subjects.press('Enter');
    await subjects.fill('Физика');
    await subjects.press('Enter');
    await dialog.getByLabel(/Стоимость обучения/).fill('12000');
    await dialog.getByLabel('Адрес курса в СДО').fill('https://lms.fioco.ru/course/view.php?id=42');
    await dialog.getByLabel('Тьюторы').fill('Иванова Мария Петровна; tutor@fioco.ru');
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await eventually(staff, async () => expect(staff.getByRole('cell', { name: title })).toBeVisible({ timeout: 3000 }));
    await screen(staff, 'staff-programmes');
  });

  test('the representative files an application with two participants and their scans', async () => {
    await expect(school.getByRole('heading', { name: 'Мои заявки' })).toBeVisible();
    // the first screen, signed in already: from navigation to the list shown
    await timeToUsable(school, 'representativeHomeMs', '/', async () => {
      await expect(school.getByRole('columnheader', { name: 'Номер заявления' })).toBeVisible();
      await expect(school.getByRole('button', { name: 'Подать заявку на обучение' })).toBeEnabled();
    });
    await screen(school, 'representative-home');
    await school.getByRole('button', { name: 'Подать заявку на обучение' }).click();
    await expect(school.getByRole('heading', { name: 'Заявка на обучение' })).toBeVisible();
    await fillOrganisation(school, title, { fullName: 'Государственное бюджетное общеобразовательное учреждение «Школа № 1»',
      shortName: 'ГБОУ «Школа № 1»', email: 'school1@edu.mos.ru', checks: true });
    // payment after the services: the invoice comes with the act, and the second half walks the unpaid path
    await school.getByLabel('оплата услуг после их оказания').check();

    await fillParticipant(school, 1, { surname: 'Петров', name: 'Пётр', patronymic: 'Петрович', sex: 'мужской',
      birth: '1980-03-15', position: 'Учитель математики', subject: 'Математика', diploma: '123456', snils: '112-233-445 95',
      email: 'petrov@school1.ru' });
    await school.getByRole('button', { name: 'Добавить участника' }).click();
    await fillParticipant(school, 2, { surname: 'Иванова', name: 'Мария', patronymic: 'Сергеевна', sex: 'женский',
      birth: '1985-07-01', position: 'Учитель физики', subject: 'Физика', diploma: '654321', snils: '100-000-001 10',
      email: 'ivanova@school1.ru', wrongSnils: '112-233-445 96' });
    await school.getByLabel('Участники дали согласие на обработку персональных данных').check();
    await screen(school, 'application-form');
    await school.getByRole('button', { name: 'Сохранить черновик' }).click();
    await expect(school.getByRole('heading', { name: 'Черновик заявки' })).toBeVisible();
    applicationUrl = school.url().replace(/\?.*$/, '');

    // submission is refused while the scans are missing, naming them
    await school.getByRole('button', { name: 'Отправить заявку' }).click();
    await expect(school.getByText(/participants\[0\]\.documents\.PASSPORT/)).toBeVisible();

    for (const who of ['Петров Пётр', 'Иванова Мария']) await uploadScans(school, who);
    await screen(school, 'application-documents');
    // application-service learns of the scans through Kafka: the submission goes through once it has
    await eventually(school, async () => {
      await school.getByRole('button', { name: 'Отправить заявку' }).click({ timeout: 3000 });
      await expect(school.getByText('на рассмотрении').first()).toBeVisible({ timeout: 3000 });
    });
    await expect(school.getByRole('heading', { name: /Заявка № 000-\d{6}/ })).toBeVisible();
    const number = (await school.getByRole('heading', { name: /Заявка № / }).textContent())!.replace('Заявка № ', '').trim();
    writeState({ applicationId: applicationUrl.split('/').pop(), number, programme: title });
  });

  test('staff reject one scan, the school replaces it, staff accept all and take the application into work', async () => {
    await timeToUsable(staff, 'staffQueuesMs', '/', async () => {
      await expect(staff.getByText('Новые заявки')).toBeVisible();
      await expect(staff.getByRole('link', { name: /Паспорт: Петров/ }).first()).toBeVisible();
    });
    await eventually(staff, async () => expect(staff.getByRole('link', { name: /Паспорт: Петров/ }).first()).toBeVisible({ timeout: 3000 }));
    await screen(staff, 'staff-queues');
    await staff.goto(`${applicationUrl}?tab=documents`);
    const petrov = staff.locator('.ant-card').filter({ hasText: 'Петров Пётр' });
    await review(staff, petrov, 'Паспорт', 'Скан нечитаем: загрузите паспорт заново', true);
    for (const [card, slot] of [[petrov, 'СНИЛС'], [petrov, 'Документ об образовании']] as const) {
      await review(staff, card, slot);
    }
    const ivanova = staff.locator('.ant-card').filter({ hasText: 'Иванова Мария' });
    for (const slot of ['Паспорт', 'СНИЛС', 'Документ об образовании']) {
      await review(staff, ivanova, slot);
    }

    await school.goto(`${applicationUrl}?tab=documents`);
    const mine = school.locator('.ant-card').filter({ hasText: 'Петров Пётр' });
    await eventually(school, async () => expect(mine.getByText('Скан нечитаем: загрузите паспорт заново')).toBeVisible({ timeout: 3000 }));
    await expect(mine.getByLabel('отклонён')).toBeVisible();
    await upload(school, 'Заменить: Паспорт', 'passport-new.pdf', mine);
    await expect(mine.getByText(/версия 2: passport-new\.pdf/)).toBeVisible();

    await staff.reload();
    await review(staff, staff.locator('.ant-card').filter({ hasText: 'Петров Пётр' }), 'Паспорт');
    await staff.getByRole('button', { name: 'Взять в работу' }).click();
    await expect(staff.getByText('исполнение').first()).toBeVisible();
  });

  test('drafts, signed scans, conclusion, and the access panel', async () => {
    await school.goto(`${applicationUrl}?tab=contract`);
    await eventually(school, async () => expect(school.getByText('Проекты договора и согласия')).toBeVisible({ timeout: 3000 }));
    const download = school.waitForEvent('download');
    await school.getByRole('button', { name: 'Договор (DOCX)' }).first().click();
    expect((await download).suggestedFilename()).toMatch(/\.docx$/);
    // the negotiation (l.328): the school asks to change a clause, staff answer with an edited DOCX as version 2
    await school.getByLabel('Что изменить в версии 1').fill('Просим изменить п. 2.2: оплата в течение 10 рабочих дней');
    await school.getByRole('button', { name: 'Попросить изменить договор' }).click();
    await expect(school.getByText('Замечания отправлены в институт')).toBeVisible();
    await staff.goto(`${applicationUrl}?tab=contract`);
    await eventually(staff, async () => expect(staff.getByText(/Замечания организации: Просим изменить п\. 2\.2/)).toBeVisible({ timeout: 3000 }));
    await staff.getByLabel('Что изменено в исправленном договоре').fill('Изменён п. 2.2 по просьбе школы');
    await upload(staff, 'Загрузить исправленный договор (DOCX)', 'contract-edited.docx');
    await expect(staff.getByText('Новая версия проекта загружена')).toBeVisible();
    await school.reload();
    await eventually(school, async () => expect(school.getByText('2 (действующая), исправлена институтом')).toBeVisible({ timeout: 3000 }));
    await screen(school, 'contract-negotiation');

    await school.goto(`${applicationUrl}?tab=documents`);
    const contractScans = school.locator('.ant-card').filter({ hasText: 'Документы по договору' });
    await upload(school, 'Загрузить: Подписанный договор', 'signed-contract.pdf', contractScans);
    await expect(contractScans.getByRole('button', { name: 'Заменить: Подписанный договор' })).toBeVisible();
    await upload(school, /Загрузить: Подписанное согласие/, 'signed-consent.pdf', contractScans);
    await expect(contractScans.getByRole('button', { name: /Заменить: Подписанное согласие/ })).toBeVisible();

    await staff.goto(`${applicationUrl}?tab=documents`);
    const staffScans = staff.locator('.ant-card').filter({ hasText: 'Документы по договору' });
    await review(staff, staffScans, 'Подписанный договор');
    await review(staff, staffScans, 'Подписанное согласие на обработку персональных данных');

    await staff.goto(`${applicationUrl}?tab=contract`);
    // contract-service learns of the accepted scans through Kafka: conclusion goes through once it has
    // (a click whose answer comes after the wait has concluded it all the same: after the reload the page says so)
    await eventually(staff, async () => {
      if (await staff.getByText('Договор: заключён').count() === 0) {
        await staff.getByRole('button', { name: 'Заключить договор' }).click({ timeout: 3000 });
      }
      await expect(staff.getByText(/Договор заключён|Договор: заключён/).first()).toBeVisible({ timeout: 5000 });
    });

    await school.goto(`${applicationUrl}?tab=contract`);
    await eventually(school, async () => expect(school.getByText('Доступ к курсу')).toBeVisible({ timeout: 3000 }));
    await expect(school.getByText('Кодовое слово', { exact: true })).toBeVisible();
    await expect(school.getByText(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/)).toBeVisible();
    await expect(school.getByRole('link', { name: 'https://lms.fioco.ru/course/view.php?id=42' })).toBeVisible();
    await expect(school.getByText(/Иванова Мария Петровна, tutor@fioco\.ru/)).toBeVisible();
    await expect(school.getByText(/Счёт № СЧ-/)).toHaveCount(0); // payment after the services: no invoice yet
    await expect(school.getByText('2 (согласована и подписана), исправлена институтом')).toBeVisible();
    await screen(school, 'contract-access');

    // the institute's signature too: staff upload the scan, the school downloads it
    await staff.goto(`${applicationUrl}?tab=contract`);
    await upload(staff, 'Загрузить скан договора, подписанного обеими сторонами', 'signed-contract.pdf');
    await expect(staff.getByText('Скан договора загружен')).toBeVisible();
    await school.reload();
    const countersigned = school.waitForEvent('download');
    await eventually(school, async () => school.getByRole('button', { name: /Скачать скан: / }).click({ timeout: 3000 }));
    expect((await countersigned).suggestedFilename()).toMatch(/\.pdf$/);
  });

  test('questions and answers with an attachment both ways', async () => {
    await school.goto(`${applicationUrl}?tab=chat`);
    await school.getByLabel('Сообщение').fill('Добрый день! Прикладываем письмо о направлении участников.');
    await upload(school, 'Прикрепить файл (до 40 МБ)', 'letter.pdf');
    await expect(school.getByText(/letter\.pdf/)).toBeVisible();
    await school.getByRole('button', { name: 'Отправить', exact: true }).click();
    await expect(school.getByText('Сообщение отправлено')).toBeVisible();

    await staff.goto(`${applicationUrl}?tab=chat`);
    await eventually(staff, async () => expect(staff.getByText('Прикладываем письмо о направлении участников')).toBeVisible({ timeout: 3000 }));
    await expect(staff.getByRole('button', { name: /letter\.pdf/ })).toBeVisible();
    await staff.getByLabel('Сообщение').fill('Спасибо, письмо получено. Фото стенда для участников — во вложении.');
    await upload(staff, 'Прикрепить файл (до 40 МБ)', 'photo.png');
    await staff.getByRole('button', { name: 'Отправить', exact: true }).click();
    await expect(staff.getByText('Сообщение отправлено')).toBeVisible();
    await screen(staff, 'chat');

    await school.goto('/');
    const chat = school.locator(`a[href="${new URL(applicationUrl).pathname}?tab=chat"]`);
    await eventually(school, async () => expect(chat).toHaveText('вопросы/ответы (1 непрочитанных)', { timeout: 3000 }));
    await screen(school, 'representative-home-unread');
    await chat.click();
    await expect(school.getByText('Спасибо, письмо получено.')).toBeVisible();
    const photo = school.waitForEvent('download');
    await school.getByRole('button', { name: /photo\.png/ }).click();
    expect((await photo).suggestedFilename()).toBe('photo.png');
  });

  test('a new person registers, is confirmed by staff, and may file applications', async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('link', { name: /Регистрация/ }).click();
    const login = `smirnova${Date.now() % 100000}`;
    const email = `${login}@school7.ru`;
    await page.locator('#username').fill(login);
    await page.locator('#email').fill(email);
    await page.locator('#firstName').fill('Анна');
    await page.locator('#lastName').fill('Смирнова');
    await page.locator('#password').fill('Smirnova-Pass-2026');
    await page.locator('#password-confirm').fill('Smirnova-Pass-2026');
    await page.locator('input[type=submit], button[type=submit]').first().click();
    // Keycloak mails the verification link: followed in the same browser, it signs the person in
    let link: string | null = null;
    await expect.poll(() => (link = linkInMailTo(email, /https?:\/\/[^\s"'<>]+login-actions\/action-token\?[^\s"'<>]+/)), { timeout: 60_000 }).not.toBeNull();
    await page.goto(link!);
    const proceed = page.getByRole('link', { name: /Вернуться|приложение|Back to application|Нажмите/ });
    if (await proceed.count()) await proceed.first().click();
    await expect(page.getByRole('heading', { name: 'Мои заявки' })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText('Зарегистрируйтесь как представитель организации')).toBeVisible();
    await page.getByRole('link', { name: 'Профиль и настройки' }).first().click();
    await expect(page.getByLabel('Фамилия')).toHaveValue('Смирнова');
    await page.getByLabel('Отчество').fill('Викторовна');
    await page.getByLabel('Организация', { exact: true }).fill('ГБОУ «Школа № 7»');
    await page.getByLabel('ИНН организации').fill('7736207540');
    await expect(page.getByText('неверная контрольная сумма ИНН')).toBeVisible();
    await page.getByLabel('ИНН организации').fill('7736207543');
    await page.getByLabel('Должность').fill('Заместитель директора');
    await page.getByLabel('Образование').fill('Высшее педагогическое');
    await page.getByLabel('Телефон').fill('+7 (495) 765-43-21');
    await page.getByLabel(/Принимаю/).check();
    await screen(page, 'profile');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await expect(page.getByText('Сохранено')).toBeVisible();

    await staff.getByRole('link', { name: 'Представители' }).click();
    await eventually(staff, async () => expect(staff.getByRole('cell', { name: /Смирнова Анна/ })).toBeVisible({ timeout: 3000 }));
    await screen(staff, 'staff-representatives');
    await staff.getByRole('row', { name: /Смирнова Анна/ }).getByRole('button', { name: 'Подтвердить' }).click();
    await expect(staff.getByText('Представительство подтверждено')).toBeVisible();

    await eventually(page, async () => {
      await page.getByRole('link', { name: 'Профиль и настройки' }).click();
      await expect(page.getByText('подтверждён')).toBeVisible({ timeout: 3000 });
    });

    // her school files for the same programme, is taken into work, and withdraws before the contract is concluded:
    // the contract is cancelled, and nothing can conclude it any more
    await page.getByRole('link', { name: 'Мои заявки' }).first().click();
    await page.getByRole('button', { name: 'Подать заявку на обучение' }).click();
    await fillOrganisation(page, title, { fullName: 'Государственное бюджетное общеобразовательное учреждение «Школа № 7»',
      shortName: 'ГБОУ «Школа № 7»', email: 'school7@edu.mos.ru', checks: false });
    await fillParticipant(page, 1, { surname: 'Соколов', name: 'Илья', patronymic: 'Андреевич', sex: 'мужской',
      birth: '1990-05-20', position: 'Учитель математики', subject: 'Математика', diploma: '777777', snils: '100-000-001 10',
      email: 'sokolov@school7.ru' });
    await page.getByLabel('Участники дали согласие на обработку персональных данных').check();
    await page.getByRole('button', { name: 'Сохранить черновик' }).click();
    await expect(page.getByRole('heading', { name: 'Черновик заявки' })).toBeVisible();
    const secondUrl = page.url().replace(/\?.*$/, '');
    await uploadScans(page, 'Соколов Илья');
    await eventually(page, async () => {
      await page.getByRole('button', { name: 'Отправить заявку' }).click({ timeout: 3000 });
      await expect(page.getByText('на рассмотрении').first()).toBeVisible({ timeout: 3000 });
    });
    await staff.goto(secondUrl);
    await staff.getByRole('button', { name: 'Взять в работу' }).click();
    await expect(staff.getByText('исполнение').first()).toBeVisible();
    await page.goto(`${secondUrl}?tab=contract`);
    await eventually(page, async () => expect(page.getByText('Проекты договора и согласия')).toBeVisible({ timeout: 3000 }));
    await page.getByRole('button', { name: 'Снять заявку' }).click();
    await page.getByLabel('Причина').fill('Обучение перенесено на следующий год');
    await page.getByRole('dialog').getByRole('button', { name: 'Снять' }).click();
    await expect(page.getByText('Заявка снята').first()).toBeVisible();
    await eventually(page, async () => expect(page.getByText(/Договор отменён/).first()).toBeVisible({ timeout: 3000 }));
    await screen(page, 'contract-cancelled');
    await staff.goto(`${secondUrl}?tab=contract`);
    await eventually(staff, async () => expect(staff.getByText(/Договор отменён/).first()).toBeVisible({ timeout: 3000 }));
    await expect(staff.getByRole('button', { name: 'Заключить договор' })).toHaveCount(0);

    // the participant withdrew their consent: staff record the withdrawal with the day it came; the application has
    // ended, so the retention check destroys their data by itself and lists it; everywhere they read «удалено»
    await staff.goto(`${secondUrl}?tab=personal-data`);
    const participantRow = staff.getByRole('row', { name: /Участник 1: Соколов Илья/ });
    await expect(participantRow.getByText(/редакция 2026-12-01, подтверждено представителем организации при подаче/)).toBeVisible();
    await participantRow.getByRole('button', { name: 'Отзыв согласия' }).click();
    const withdrawal = staff.getByRole('dialog', { name: 'Отзыв согласия на обработку персональных данных' });
    await withdrawal.getByLabel('Дата получения отзыва').fill('2000-01-01');
    await withdrawal.getByRole('button', { name: 'Записать отзыв' }).click();
    await expect(withdrawal.getByText(/отзыв не мог поступить раньше подачи заявки/)).toBeVisible();
    await withdrawal.getByLabel('Дата получения отзыва').fill(moscowToday());
    await withdrawal.getByRole('button', { name: 'Записать отзыв' }).click();
    await expect(staff.getByText(/Отзыв согласия записан; данные уничтожить до/)).toBeVisible();
    await eventually(staff, async () => {
      await staff.reload();
      await expect(staff.getByRole('row', { name: /Участник 1: .*отозвано, отзыв получен/ })).toBeVisible({ timeout: 3000 });
    });
    await screen(staff, 'staff-consent');
    // who viewed this participant's data: staff's reads of the application, from the services' access logs
    const accessLog = staff.getByRole('region', { name: 'Журнал доступа к персональным данным' });
    await choose(staff, accessLog.getByLabel('Чьи данные'), 'Участник 1: Соколов Илья Андреевич', false);
    await expect(accessLog.getByRole('row', { name: /просмотрены данные участников/ }).first()).toBeVisible();
    await screen(staff, 'staff-access-log');
    await staff.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Сроки хранения' }).click();
    await expect(staff.getByRole('heading', { name: 'Сроки хранения персональных данных' })).toBeVisible();
    await expect(staff.getByText(/Выполненные заявки хранят персональные данные 5 лет/)).toBeVisible();
    await eventually(staff, async () => {
      await staff.getByRole('button', { name: 'Проверить сроки сейчас' }).click({ timeout: 3000 });
      await expect(staff.getByRole('region', { name: 'Уничтожено автоматически' }).getByRole('row', { name: /отзыв согласия/ }))
        .toBeVisible({ timeout: 3000 });
    });
    await screen(staff, 'staff-retention');
    await staff.goto(`${secondUrl}?tab=personal-data`);
    await eventually(staff, async () => {
      await staff.reload();
      await expect(staff.getByRole('row', { name: /Участник 1: удалено удалено удалено.*уничтожены.*отзыв согласия/ }))
        .toBeVisible({ timeout: 3000 });
    });

    // staff destroy the contact person's data by hand, the purpose reached; each destruction has its act
    const applicantRow = staff.getByRole('row', { name: /Контактное лицо заявителя/ });
    await applicantRow.getByRole('button', { name: 'Уничтожить данные' }).click();
    const erasure = staff.getByRole('dialog', { name: 'Уничтожить персональные данные' });
    await choose(staff, erasure.getByLabel('Основание'), 'достижение цели обработки', false);
    await erasure.getByRole('button', { name: 'Уничтожить' }).click();
    await expect(staff.getByText('Данные уничтожены; акт об уничтожении готов')).toBeVisible();
    await eventually(staff, async () => {
      await staff.reload();
      await expect(staff.getByRole('row', { name: /Контактное лицо заявителя: удалено удалено.*уничтожены/ }))
        .toBeVisible({ timeout: 3000 });
    });
    await screen(staff, 'staff-erasure');
    for (const row of [/Участник 1/, /Контактное лицо заявителя/]) {
      const act = staff.waitForEvent('download');
      await staff.getByRole('row', { name: row }).getByRole('button', { name: 'Акт об уничтожении' }).click();
      expect((await act).suggestedFilename()).toMatch(/^Акт об уничтожении ПДн .*\.docx$/);
    }
    await staff.goto(`${secondUrl}?tab=form`);
    await expect(staff.getByText('Соколов')).toHaveCount(0);

    // Smirnova leaves the school and withdraws her consent: staff revoke her representation, then destroy her data
    // and her account; the registry reads «удалено», the act is ready, and she cannot sign in any more
    await staff.getByRole('link', { name: 'Представители' }).click();
    await staff.getByRole('tab', { name: 'Подтверждены' }).click();
    await staff.getByRole('row', { name: /Смирнова Анна/ }).getByRole('button', { name: 'Отозвать' }).click();
    await staff.getByLabel('Причина (её увидит представитель)').fill('Сотрудница уволилась, согласие отозвано');
    await staff.getByRole('dialog').getByRole('button', { name: 'Отозвать' }).click();
    await expect(staff.getByText('Подтверждение отозвано')).toBeVisible();
    await eventually(staff, async () => {
      await staff.getByRole('tab', { name: 'Отозваны' }).click({ timeout: 3000 });
      await staff.getByRole('row', { name: /Смирнова Анна/ }).getByRole('button', { name: 'Уничтожить данные' })
        .click({ timeout: 3000 });
    });
    const representativeErasure = staff.getByRole('dialog', { name: 'Уничтожить персональные данные представителя' });
    await expect(representativeErasure.getByRole('button', { name: 'Уничтожить' })).toBeDisabled();
    await representativeErasure.getByLabel('отзыв согласия на обработку').check();
    await representativeErasure.getByRole('button', { name: 'Уничтожить' }).click();
    await expect(staff.getByText(/Данные представителя уничтожены, учётная запись удалена/)).toBeVisible();
    await eventually(staff, async () => {
      await staff.getByRole('tab', { name: 'Данные уничтожены' }).click({ timeout: 3000 });
      await expect(staff.getByRole('row', { name: /удалено удалено удалено.*ГБОУ «Школа № 7».*данные уничтожены.*отзыв согласия/ }))
        .toBeVisible({ timeout: 3000 });
    });
    await expect(staff.getByText('Смирнова')).toHaveCount(0);
    // the notice fades out first: a half-transparent one is no screen to check for contrast
    await expect(staff.getByText(/Данные представителя уничтожены/)).toHaveCount(0, { timeout: 10_000 });
    await screen(staff, 'staff-representative-erasure');
    const representativeAct = staff.waitForEvent('download');
    await staff.getByRole('row', { name: /ГБОУ «Школа № 7»/ }).getByRole('button', { name: 'Акт об уничтожении' }).click();
    expect((await representativeAct).suggestedFilename()).toMatch(/^Акт об уничтожении ПДн .*\.docx$/);
    // her account is gone from the sign-in service: her login and password open nothing any more
    const fresh = await browser.newContext();
    const again = await fresh.newPage();
    await again.goto('/');
    await again.locator('#username').fill(login);
    await again.locator('#password').fill('Smirnova-Pass-2026');
    await again.locator('input[type=submit], button[type=submit]').first().click();
    await expect(again.getByText(/Неправильное имя пользователя или пароль|Invalid username or password/).first()).toBeVisible();
    await expect(again.locator('#username')).toBeVisible();
    await expect(again.getByRole('heading', { name: 'Мои заявки' })).toHaveCount(0);
    await fresh.close();
    await context.close();
  });
});

interface Organisation { fullName: string; shortName: string; email: string; checks: boolean }

/** The applicant's phone, the programme and the organisation with its contract's requisites; with checks, the typos. */
async function fillOrganisation(page: Page, programme: string, o: Organisation) {
  await page.getByLabel('Телефон мобильный').fill('+7 916 123-45-67');
  await choose(page, page.getByLabel('Программа', { exact: true }), programme, true);
  await choose(page, page.getByLabel('Субъект РФ'), 'г. Москва', true);
  await page.getByLabel('Полное название организации').fill(o.fullName);
  await page.getByLabel('Краткое название организации').fill(o.shortName);
  await page.getByLabel('Официальный e-mail организации').fill(o.email);
  await page.getByLabel('Юридический адрес').fill('111111, Москва, ул. Кремлёвская, д. 1');
  await page.getByRole('button', { name: 'совпадает с юридическим' }).click();
  if (o.checks) {
    // a wrong checksum shows at once, as one types
    await page.getByLabel('КПП').fill('77360100');
    await expect(page.getByText(/КПП — 9 знаков/)).toBeVisible();
  }
  await page.getByLabel('КПП').fill('773601001');
  await page.getByLabel('БИК').fill('044525225');
  await page.getByLabel('ОГРН').fill('1027700132195');
  await page.getByLabel('Наименование банка').fill('ПАО Сбербанк');
  if (o.checks) {
    // the account's key is checked against the BIK as one types
    await page.getByLabel('Расчётный счёт').fill('40702810038000012345');
    await expect(page.getByText('расчётный счёт не соответствует БИК: неверный контрольный ключ')).toBeVisible();
  }
  await page.getByLabel('Расчётный счёт').fill('40702810938000012345');
  await page.getByLabel('Корреспондентский счёт').fill('30101810400000000225');
  await page.getByLabel('Должность подписанта').fill('Директор');
  await page.getByLabel('ФИО подписанта').fill('Кузнецова Ольга Николаевна');
}

/** A participant's three scans, each shown as uploaded. */
async function uploadScans(page: Page, who: string) {
  const card = page.locator('.ant-card').filter({ hasText: who });
  for (const [slot, file] of [['Паспорт', 'passport.pdf'], ['СНИЛС', 'snils.pdf'], ['Документ об образовании', 'diploma.pdf']]) {
    await upload(page, `Загрузить: ${slot}`, file, card);
    await expect(card.getByRole('button', { name: `Заменить: ${slot}` })).toBeVisible();
  }
}

interface ParticipantData {
  surname: string; name: string; patronymic: string; sex: string; birth: string; position: string; subject: string;
  diploma: string; snils: string; email: string; wrongSnils?: string;
}

async function fillParticipant(page: Page, n: number, p: ParticipantData) {
  const group = page.getByRole('group', { name: `Участник ${n}` });
  await group.getByLabel('Фамилия', { exact: true }).fill(p.surname);
  await group.getByLabel('Имя', { exact: true }).fill(p.name);
  await group.getByLabel('Отчество').fill(p.patronymic);
  await group.getByLabel(p.sex, { exact: true }).check();
  await group.getByLabel('Дата рождения').fill(p.birth);
  await group.getByLabel('Должность').fill(p.position);
  await choose(page, group.getByLabel('Предмет'), p.subject);
  await group.getByLabel('высшее', { exact: true }).check();
  await group.getByLabel('Фамилия в дипломе').fill(p.surname);
  await group.getByLabel('Серия диплома').fill('АП');
  await group.getByLabel('Номер диплома').fill(p.diploma);
  if (p.wrongSnils) {
    await group.getByLabel('СНИЛС').fill(p.wrongSnils);
    await expect(group.getByText('неверное контрольное число СНИЛС')).toBeVisible();
  }
  await group.getByLabel('СНИЛС').fill(p.snils);
  await group.getByLabel('E-mail').fill(p.email);
}

/**
 * Picks an option of an antd select: the visible list's item (the hidden one is for screen readers), and checks the
 * select shows it (a click while the list still animates can miss; then it picks again).
 */
async function choose(page: Page, select: ReturnType<Page['locator']>, text: string, search = false) {
  const box = select.locator('xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  for (let attempt = 1; ; attempt++) {
    await select.click();
    if (search) await select.fill(text);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
    try {
      await expect(box).toContainText(text, { timeout: 2000 });
      return;
    } catch (missed) {
      if (attempt >= 3) throw missed;
    }
  }
}

/** Staff open a scan beside the participant's data and accept it, or reject it saying why. */
async function review(page: Page, card: ReturnType<Page['locator']>, slot: string, reason?: string, screenIt = false) {
  await eventually(page, async () => {
    await card.getByRole('row', { name: new RegExp(slot) }).getByRole('button', { name: 'Проверить' }).click({ timeout: 3000 });
  });
  const drawer = page.getByRole('dialog', { name: /, версия \d+/ });
  await expect(drawer.locator('iframe, img').first()).toBeVisible();
  if (screenIt) await screen(page, 'staff-review');
  if (reason) {
    await drawer.getByLabel('Причина отклонения').fill(reason);
    await drawer.getByRole('button', { name: 'Отклонить' }).click();
    await expect(page.getByText(/Документ отклонён/)).toBeVisible();
  } else {
    await drawer.getByRole('button', { name: 'Принять' }).click();
    await expect(page.getByText('Документ принят').last()).toBeVisible();
  }
  await expect(drawer).toHaveCount(0);
}

export { signInAt };

/** Today in Moscow as a date field takes it (YYYY-MM-DD). */
function moscowToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(new Date());
}
