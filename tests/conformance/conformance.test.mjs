// Conformance of Tahseen.Grpc's wire protocol with a client that is not .NET: grpc-js and
// proto-loader (pinned in package.json) over a real HTTP/2 socket against the real server
// process. Every refusal must reach grpc-js as its own status with the contract's error model
// (google.rpc.Status in grpc-status-details-bin), never as "INTERNAL: Received RST_STREAM".
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID, sign } from 'node:crypto';
import http2 from 'node:http2';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';
import { repoRoot, startServer } from './server.mjs';

const commonProtos = [
  join(repoRoot, '.buf-deps'),
  join(process.env.NUGET_PACKAGES ?? join(homedir(), '.nuget', 'packages'), 'google.api.commonprotos', '2.17.0', 'content', 'protos'),
].find((dir) => existsSync(join(dir, 'google', 'rpc', 'status.proto')));

const loaderOptions = {
  keepCase: true, longs: String, enums: String, defaults: true, oneofs: true,
  includeDirs: [join(repoRoot, 'protos'), join(repoRoot, 'tests', 'conformance'), commonProtos],
};
const definition = protoLoader.loadSync([
  'tahseen/v1/identity_service.proto',
  'tahseen/v1/ticket_service.proto',
  'tahseen/v1/staff_ticket_service.proto',
  'tahseen/v1/admin_service.proto',
  'tahseen/sandbox/v1/sandbox.proto',
  'codec.proto',
], loaderOptions);
const loaded = grpc.loadPackageDefinition(definition);
const codec = definition['tahseen.conformance.Codec'];

let server;
let clients;

/** Promisifies one unary call; resolves with the response or rejects with grpc-js's ServiceError. */
function call(client, method, request, metadata = new grpc.Metadata()) {
  return new Promise((resolve, reject) => {
    client[method](request, metadata, { deadline: Date.now() + 20_000 }, (error, response) => (error ? reject(error) : resolve(response)));
  });
}

function headers(entries) {
  const metadata = new grpc.Metadata();
  for (const [key, value] of Object.entries(entries)) {
    metadata.set(key, value);
  }
  return metadata;
}

const bearer = (token, extra = {}) => headers({ authorization: `Bearer ${token}`, ...extra });

/** Decodes the contract's error model from a failed call, as a Node portal would. */
function decode(error) {
  const [bin] = error.metadata?.get('grpc-status-details-bin') ?? [];
  assert.ok(bin, `status ${error.code} (${error.details}) carries no grpc-status-details-bin`);
  const status = codec.Status.requestDeserialize(bin);
  const detail = (name) => {
    const any = status.details.find((d) => d.type_url === `type.googleapis.com/google.rpc.${name}`);
    return any ? codec[name].requestDeserialize(any.value) : undefined;
  };
  return {
    code: error.code,
    message: error.details,
    status,
    errorInfo: detail('ErrorInfo'),
    localized: detail('LocalizedMessage'),
    badRequest: detail('BadRequest'),
    retryInfo: detail('RetryInfo'),
  };
}

async function failure(promise, expectedCode, expectedReason) {
  const error = await promise.then(
    (response) => assert.fail(`expected ${grpc.status[expectedCode]} but the call succeeded: ${JSON.stringify(response)}`),
    (e) => e);
  assert.equal(error.code, expectedCode, `expected ${grpc.status[expectedCode]}, got ${grpc.status[error.code]}: ${error.details}`);
  const decoded = decode(error);
  assert.equal(decoded.status.code, expectedCode, 'the google.rpc.Status code matches grpc-status');
  assert.equal(decoded.errorInfo?.domain, 'tahseen.gov.sa');
  assert.equal(decoded.errorInfo?.reason, expectedReason);
  assert.ok(decoded.localized?.message, 'a LocalizedMessage is present');
  return decoded;
}

async function newSmsCode(mobile, before) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const { messages } = await call(clients.sandbox, 'ListSmsMessages', { mobile_number: mobile, page_size: 100 });
    if (messages.length > before) {
      return /\b\d{6}\b/.exec(messages[0].body)[0];
    }
    assert.ok(Date.now() < deadline, `no SMS reached ${mobile}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const smsCount = async (mobile) =>
  (await call(clients.sandbox, 'ListSmsMessages', { mobile_number: mobile, page_size: 1000 })).messages.length;

async function solvedCaptcha() {
  const captcha = await call(clients.identity, 'CreateCaptcha', {});
  const { answer } = await call(clients.sandbox, 'GetCaptchaAnswer', { captcha_id: captcha.captcha_id });
  return { captcha_id: captcha.captcha_id, captcha_answer: answer };
}

async function signIn(login, password, mobile) {
  const before = await smsCount(mobile);
  const challenge = await call(clients.identity, 'Login', { login, password });
  const otp = await newSmsCode(mobile, before);
  return call(clients.identity, 'VerifyLogin', { challenge_id: challenge.challenge_id, otp });
}

async function registeredCitizen() {
  const { identities } = await call(clients.sandbox, 'ListSandboxIdentities', {});
  const person = identities.find((i) => i.eligible && !i.registered && i.person_kind === 'PERSON_KIND_CITIZEN');
  const before = await smsCount(person.mobile_number);
  const started = await call(clients.identity, 'StartRegistration', {
    national_id: person.national_id, mobile_number: person.mobile_number, email: 'node@example.sa', ...(await solvedCaptcha()),
  });
  const otp = await newSmsCode(person.mobile_number, before);
  const terms = await call(clients.identity, 'GetTerms', {});
  const username = `node${person.national_id}`;
  const password = 'NodeClient2026x';
  await call(clients.identity, 'CompleteRegistration', {
    registration_id: started.registration_id, otp, username, password, accept_terms: true, terms_version: terms.version,
  });
  return signIn(username, password, person.mobile_number);
}

async function sandboxAccount(role, notRole) {
  const { accounts } = await call(clients.sandbox, 'ListSandboxAccounts', {});
  const account = accounts.find((a) => a.roles.includes(role) && !a.roles.includes(notRole));
  return signIn(account.username, account.password, account.mobile_number);
}

/** The same claims, signed with the server's key, but expired a minute ago: a token that was genuine. */
function expiredCopyOf(token) {
  const [, payload] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  const now = Math.floor(Date.now() / 1000);
  Object.assign(claims, { iat: now - 1000, nbf: now - 1000, exp: now - 60 });
  const head = Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 't1' })).toString('base64url');
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const signature = sign('sha256', Buffer.from(`${head}.${body}`), server.signingKey).toString('base64url');
  return `${head}.${body}.${signature}`;
}

/** A raw HTTP/2 gRPC call, to see the frames grpc-js hides: the response headers and their END_STREAM flag. */
function rawCall(path, payload, extraHeaders = {}) {
  return new Promise((resolve, reject) => {
    const session = http2.connect(`http://${server.address}`);
    session.on('error', reject);
    const frame = Buffer.alloc(5 + payload.length);
    frame.writeUInt32BE(payload.length, 1);
    payload.copy(frame, 5);
    const stream = session.request({
      ':method': 'POST', ':path': path, 'content-type': 'application/grpc', te: 'trailers', ...extraHeaders,
    });
    const result = { dataBytes: 0, trailers: undefined };
    stream.on('response', (responseHeaders, flags) => {
      result.headers = responseHeaders;
      result.endStream = (flags & http2.constants.NGHTTP2_FLAG_END_STREAM) !== 0;
    });
    stream.on('data', (chunk) => { result.dataBytes += chunk.length; });
    stream.on('trailers', (trailers) => { result.trailers = trailers; });
    stream.on('close', () => {
      result.rstCode = stream.rstCode;
      session.close();
      resolve(result);
    });
    stream.on('error', () => {});
    stream.end(frame);
  });
}

before(async () => {
  server = await startServer({ RateLimits__TrustedProxies__0: '127.0.0.1' });
  const credentials = grpc.credentials.createInsecure();
  clients = {
    identity: new loaded.tahseen.v1.IdentityService(server.address, credentials),
    tickets: new loaded.tahseen.v1.TicketService(server.address, credentials),
    staff: new loaded.tahseen.v1.StaffTicketService(server.address, credentials),
    admin: new loaded.tahseen.v1.AdminService(server.address, credentials),
    sandbox: new loaded.tahseen.sandbox.v1.SandboxService(server.address, credentials),
  };
});

after(async () => {
  for (const client of Object.values(clients ?? {})) {
    client.close();
  }
  await server?.stop();
});

describe('refusals reach grpc-js as statuses with the error model', () => {
  test('a garbage token is UNAUTHENTICATED with TOKEN_INVALID, in Arabic by default', async () => {
    const error = await failure(call(clients.identity, 'GetMyAccount', {}, bearer('not-a-token')), grpc.status.UNAUTHENTICATED, 'TOKEN_INVALID');
    assert.equal(error.localized.locale, 'ar');
    assert.match(error.localized.message, /[\u0600-\u06FF]/);
    assert.equal(error.message, 'The session is not valid; please log in again.', 'grpc-message is percent-decoded English');
  });

  test('no token at all on an authenticated method is UNAUTHENTICATED with TOKEN_INVALID, in English when asked', async () => {
    const error = await failure(call(clients.tickets, 'ListMyTickets', {}, headers({ 'accept-language': 'en' })), grpc.status.UNAUTHENTICATED, 'TOKEN_INVALID');
    assert.equal(error.localized.locale, 'en');
  });

  test('a genuine token past its expiry is UNAUTHENTICATED with TOKEN_EXPIRED', async () => {
    const session = await sandboxAccount('ROLE_STAFF', 'ROLE_ADMIN');
    const account = await call(clients.identity, 'GetMyAccount', {}, bearer(session.access_token));
    assert.ok(account.account.account_id, 'the fresh token works');
    await failure(call(clients.identity, 'GetMyAccount', {}, bearer(expiredCopyOf(session.access_token))), grpc.status.UNAUTHENTICATED, 'TOKEN_EXPIRED');
  });

  test('a staff member calling an admin method is PERMISSION_DENIED with FORBIDDEN', async () => {
    const session = await sandboxAccount('ROLE_STAFF', 'ROLE_ADMIN');
    await failure(call(clients.admin, 'ListAccounts', {}, bearer(session.access_token)), grpc.status.PERMISSION_DENIED, 'FORBIDDEN');
  });

  test('bad input is INVALID_ARGUMENT with a BadRequest naming each broken field', async () => {
    const error = await failure(call(clients.identity, 'StartRegistration', {
      national_id: '123', mobile_number: 'abc', email: 'node@example.sa', captcha_id: randomUUID(), captcha_answer: 'x',
    }, headers({ 'accept-language': 'en' })), grpc.status.INVALID_ARGUMENT, 'NATIONAL_ID_INVALID');
    const violations = error.badRequest.field_violations.map((v) => `${v.field}:${v.reason}`);
    assert.ok(violations.includes('national_id:NATIONAL_ID_INVALID'), violations.join());
    assert.ok(violations.includes('mobile_number:MOBILE_INVALID'), violations.join());
    for (const violation of error.badRequest.field_violations) {
      assert.ok(violation.description && violation.localized_message.message, 'each violation explains itself');
    }
  });

  test('an unknown ticket is NOT_FOUND with TICKET_NOT_FOUND', async () => {
    const session = await sandboxAccount('ROLE_STAFF', 'ROLE_ADMIN');
    await failure(call(clients.staff, 'GetTicket', { ticket_id: randomUUID() }, bearer(session.access_token)), grpc.status.NOT_FOUND, 'TICKET_NOT_FOUND');
  });

  test('too many captchas from one client address is RESOURCE_EXHAUSTED with RATE_LIMITED and a RetryInfo', async () => {
    // The portal's address is trusted, so the address it forwards is the client: this one is
    // used by no other test, and its budget runs out while everyone else's stays.
    const client = headers({ 'x-forwarded-for': '203.0.113.77' });
    let error;
    for (let i = 0; i < 200 && !error; i++) {
      error = await call(clients.identity, 'CreateCaptcha', {}, client).then(() => undefined, (e) => e);
    }
    assert.ok(error, 'the limiter refused within 200 calls');
    const decoded = await failure(Promise.reject(error), grpc.status.RESOURCE_EXHAUSTED, 'RATE_LIMITED');
    const delay = Number(decoded.retryInfo.retry_delay.seconds) + decoded.retryInfo.retry_delay.nanos / 1e9;
    assert.ok(delay > 0 && delay <= 60, `retry after ${delay} s`);
    await call(clients.identity, 'CreateCaptcha', {}, headers({ 'x-forwarded-for': '203.0.113.78' }));
  });

  test('an unknown method is UNIMPLEMENTED with the error model', async () => {
    const client = new grpc.Client(server.address, grpc.credentials.createInsecure());
    const promise = new Promise((resolve, reject) => {
      client.makeUnaryRequest('/tahseen.v1.IdentityService/NoSuchMethod', (x) => x, (x) => x, Buffer.alloc(0), (e, r) => (e ? reject(e) : resolve(r)));
    });
    await failure(promise, grpc.status.UNIMPLEMENTED, 'METHOD_NOT_FOUND');
    client.close();
  });
});

describe('requests the framework cannot decode', () => {
  const rawUnary = (path, payload) => {
    const client = new grpc.Client(server.address, grpc.credentials.createInsecure());
    return new Promise((resolve, reject) => {
      client.makeUnaryRequest(path, (x) => x, (x) => x, payload, (e, r) => { client.close(); return e ? reject(e) : resolve(r); });
    });
  };

  test('invalid UTF-8 in a string field is INVALID_ARGUMENT with MALFORMED_REQUEST', async () => {
    // LoginRequest.login (field 1, length-delimited) holding the bytes FF FE.
    await failure(rawUnary('/tahseen.v1.IdentityService/Login', Buffer.from([0x0a, 0x02, 0xff, 0xfe])), grpc.status.INVALID_ARGUMENT, 'MALFORMED_REQUEST');
  });

  test('a truncated protobuf message is INVALID_ARGUMENT with MALFORMED_REQUEST', async () => {
    // Field 1 announces 50 bytes and carries 3.
    await failure(rawUnary('/tahseen.v1.IdentityService/Login', Buffer.from([0x0a, 0x32, 0x61, 0x62, 0x63])), grpc.status.INVALID_ARGUMENT, 'MALFORMED_REQUEST');
  });

  test('a message over the size limit is RESOURCE_EXHAUSTED with MESSAGE_TOO_LARGE', async () => {
    const huge = Buffer.alloc(2 * 1024 * 1024 + 8, 0x61);
    huge.set([0x0a, 0x80, 0x80, 0x80, 0x01], 0);
    await failure(rawUnary('/tahseen.v1.IdentityService/Login', huge), grpc.status.RESOURCE_EXHAUSTED, 'MESSAGE_TOO_LARGE');
  });

  test('none of them is logged as a server error', () => {
    assert.doesNotMatch(server.log(), /^fail: /m, 'client mistakes are not Error-level log entries');
  });
});

describe('the wire format of a refusal', () => {
  test('is trailers-only: one HEADERS frame with END_STREAM, status 200, no DATA', async () => {
    const response = await rawCall('/tahseen.v1.IdentityService/GetMyAccount', Buffer.alloc(0), { authorization: 'Bearer x' });
    assert.equal(response.headers[':status'], 200);
    assert.equal(response.headers['content-type'], 'application/grpc');
    assert.equal(response.headers['grpc-status'], String(grpc.status.UNAUTHENTICATED));
    assert.ok(response.headers['grpc-status-details-bin']);
    assert.equal(response.endStream, true, 'the HEADERS frame ends the stream');
    assert.equal(response.dataBytes, 0);
    assert.equal(response.trailers, undefined, 'no separate trailers frame');
  });

  test('percent-encodes grpc-message as the gRPC spec says', async () => {
    const response = await rawCall('/tahseen.v1.IdentityService/GetMyAccount', Buffer.alloc(0), { authorization: 'Bearer x' });
    assert.equal(response.headers['grpc-message'], 'The session is not valid; please log in again.');
    assert.match(response.headers['grpc-message'], /^[\x20-\x7E]*$/);
  });
});

describe('a server stream', () => {
  test('delivers the snapshot and each event, then ends with OK when the ticket is final', async () => {
    const citizen = await registeredCitizen();
    const staff = await sandboxAccount('ROLE_STAFF', 'ROLE_ADMIN');
    const { categories } = await call(clients.tickets, 'ListCategories', {});
    const { ticket } = await call(clients.tickets, 'SubmitTicket', {
      request_id: randomUUID(), type: 'TICKET_TYPE_INQUIRY', category_id: categories[0].category_id,
      subject: 'Node client', description: 'A question sent from grpc-js.',
    }, bearer(citizen.access_token));

    const stream = clients.tickets.WatchTicket({ ticket_id: ticket.ticket_id }, bearer(citizen.access_token));
    const events = [];
    const ended = new Promise((resolve, reject) => {
      stream.on('data', (event) => {
        events.push(event);
        if (events.length === 1) {
          call(clients.staff, 'ReplyToTicket', { ticket_id: ticket.ticket_id, body: 'An answer from the desk.' }, bearer(staff.access_token))
            .then(() => call(clients.tickets, 'WithdrawTicket', { ticket_id: ticket.ticket_id, reason: 'Answered' }, bearer(citizen.access_token)))
            .catch(reject);
        }
      });
      stream.on('status', resolve);
      stream.on('error', reject);
    });

    const status = await ended;
    assert.equal(status.code, grpc.status.OK);
    const kinds = events.map((e) => e.event_type);
    assert.equal(kinds[0], 'TICKET_EVENT_TYPE_SNAPSHOT');
    assert.ok(kinds.includes('TICKET_EVENT_TYPE_MESSAGE_ADDED'), kinds.join());
    assert.equal(events.at(-1).ticket.status, 'TICKET_STATUS_WITHDRAWN');
  });

  test('refused before it starts is a status too, not a broken stream', async () => {
    const stream = clients.tickets.WatchTicket({ ticket_id: randomUUID() }, bearer('not-a-token'));
    const error = await new Promise((resolve) => {
      stream.on('error', resolve);
      stream.on('data', () => {});
    });
    assert.equal(error.code, grpc.status.UNAUTHENTICATED);
    assert.equal(decode(error).errorInfo.reason, 'TOKEN_INVALID');
  });
});
