/**
 * What the management API says when it refuses a request (apps/api `ApiError`), rendered in the reader's language:
 * the signed-in member's choice, else Accept-Language. Header names and paths are parameters, never words.
 */
const subjects =
  '{what, select, journey {The journey} template {The template} template-key {The template key} layout {The layout}' +
  ' partial {The partial} part-name {The name} test-send {The test send} preview {The preview request}' +
  ' audience {The audience} audience-preview {The audience preview} coupon-pool {The coupon pool}' +
  ' coupon-codes {The coupon codes} member {The new member} role-change {The role change} sign-in {The sign-in}' +
  ' workspace-switch {The workspace switch} language {The language} delivery-rules {The delivery rules}' +
  ' value-tiers {The value-tier settings} shop-source {The shop source} secret {The secret} query {The query}' +
  ' clock-change {The clock change} attribute {The attribute} profile {The profile} csv-header {The CSV header} csv {The CSV file}' +
  ' other {The request}}';
const roles = (name: string) => `{${name}, select, admin {admin} marketer {marketer} other {viewer}}`;

export const apiEn = {
  'api.invalid': `${subjects} is not valid: {issues}.`,
  'api.not-found':
    '{what, select, journey {Journey {id}} version {Version {version} of journey {id}} customer {Customer {id}}' +
    ' template {Template "{id}"} layout {The layout "{id}"} partial {The partial "{id}"} attribute {Attribute {id}}' +
    ' audience {Audience {id}} coupon-pool {Coupon pool "{id}"} import {Import {id}} product {Product {id}}' +
    ' member {That member} shop-source {That shop webhook source} secret {That secret} other {{id}}} was not found.',
  'api.no-route': 'There is no {method} {path} in the Rapport API.',
  'api.email-part-kind': 'There are no "{kind}" here: email parts are layouts or partials.',
  'api.internal': 'Something went wrong on our side; it has been logged.',
  'api.body.too-large': 'The request body is larger than {kilobytes, number} KB.',
  'api.body.not-json': 'The request body is not valid JSON: {detail}.',
  'api.body.unreadable': 'The request body could not be read.',
  'api.rate-limited': 'Too many requests for this key; retry in {seconds, plural, one {# second} other {# seconds}}.',

  'api.auth.sign-in-needed': 'Sign in, or send the workspace API key as "{header}".',
  'api.auth.session-ended': 'Your session has ended; sign in again.',
  'api.auth.csrf': 'This change needs the {header} header your sign-in returned.',
  'api.auth.forbidden': `This needs the ${roles('needed')} role; you are {role, select, admin {an admin} marketer {a marketer} other {a viewer}} here.`,
  'api.auth.write-key-missing': 'Send the workspace write key as the Basic auth user name.',
  'api.auth.write-key-unknown': 'This write key does not belong to any workspace.',
  'api.auth.api-key-unknown': 'This API key does not belong to any workspace.',
  'api.auth.sign-in-not-json': 'Send the sign-in as JSON ({header}).',
  'api.auth.too-many-sign-ins':
    'Too many failed sign-ins; try again in {minutes, plural, one {# minute} other {# minutes}}.',
  'api.account.bad-credentials': 'Wrong email or password.',
  'api.account.no-workspace':
    '{chosen, select, yes {You are not a member of that workspace.} other {Your account is not a member of any workspace yet; ask a workspace admin to add you.}}',
  'api.account.already-member': '{email} is already a member of this workspace.',
  'api.account.password-required': '{email} has no Rapport account yet: give a first password.',
  'api.account.existing-account':
    '{email} already has a Rapport account{field, select, password { and keeps their own password; add them without one} other {; add them again}}.',
  'api.account.last-admin': 'This is the last admin of the workspace: make someone else admin first.',

  'api.journey.archived-edit': 'This journey is archived; duplicate it to edit.',
  'api.journey.archived-publish': 'An archived journey cannot be published.',
  'api.journey.cannot-change-status':
    'A {status, select, draft {draft} live {live} paused {paused} other {archived}} journey cannot be' +
    ' {to, select, live {resumed} paused {paused} other {archived}}.',
  'api.version.immutable': 'A published version cannot be changed; edit the draft and publish again.',

  'api.template.syntax':
    '{part, select, layout {The layout’s} partial {The partial "{name}"’s} other {The}} {field, select, subject {subject}' +
    ' text {text} other {HTML}}{line, select, none {} other { (line {line})}}' +
    ' {reason, select, decorators {uses decorators, which are not supported}' +
    " partials-off {calls a partial ('{{'> name'}}'), which is not supported here}" +
    ' dynamic-partial {calls a partial by a computed name, which is not supported}' +
    ' unknown-partial {calls the partial "{partial}", which does not exist}' +
    ' partial-name {names a partial "{partial}" that is not allowed}' +
    ' css {has CSS that cannot be inlined: {detail}}' +
    ' other {does not compile: {detail}}}.',
  'api.template.no-layout': 'There is no layout "{layout}"; create it first (PUT {path}).',
  'api.template.test-subject': '[Test] {subject}',
  'api.template.test-send-failed': 'The mail server did not take the test message: {detail}',
  'api.email-part.in-use':
    'The {kind, select, layout {layout} other {partial}} "{name}" is still used by' +
    ' {count, plural, one {# template or email part} other {# templates or email parts}} ({users}); change those first.',
  'api.audience.exists': 'An audience "{key}" already exists.',
  'api.audience.in-use': 'The live journeys {names} use audience "{key}"; pause them first.',
  'api.coupon-pool.exists': 'A coupon pool "{key}" already exists.',
  'api.attribute.computed': '{name} is computed by Rapport and cannot be removed.',
  'api.import.not-csv': 'Send the file as the request body with {header}.',
  'api.shop-source.invalid-secret':
    '{scheme, select, shopify {A Shopify secret is 8 to 500 characters without spaces.}' +
    ' other {A Standard Webhooks secret is "whsec_" followed by base64.}}',
  'api.shop-source.secret-limit':
    'This source already has {limit, number} secrets: remove one it no longer uses first.',
  'api.shop-webhook.refused': 'Shop webhook refused: {detail}',
  'api.sms.no-provider': 'No SMS provider is configured.',
  'api.sms.bad-signature': 'The {header} does not match this request.',
  'api.sms.missing-fields': 'A status callback needs {fields}.',
  'api.test-clock.off': 'The test clock is off (set {setting}).',
  'api.test-clock.out-of-range': 'That moves the clock out of range.',
} as const;

/** Rules of the API's own request bodies (zod messages in apps/api and libs/engine), shown next to each field. */
export const apiFieldsEn = {
  'field.template.subject-required': 'write a subject',
  'field.template.body-required': 'write the email body',
  'field.template.key-format': 'a template key is lowercase letters, digits, "-" or "_"',
  'field.template.test-address': 'give the address to send the test to',
  'field.email-part.name-format': 'a name is lowercase letters, digits, "-" or "_"',
  'field.layout.body-required': "a layout places the email with '{{{'body'}}}'",
  'field.audience.name-required': 'give the audience a name',
  'field.audience.key-fixed': 'the key cannot change (journeys name it)',
  'field.coupon-pool.prefix-format': 'a prefix is up to 12 capital letters or digits',
  'field.coupon-pool.expiry-required': 'set either a fixed expiry date or a number of days the code stays valid',
  'field.coupon-pool.count-required': 'say how many codes to generate',
  'field.sign-in.email-required': 'give your email address',
  'field.sign-in.password-required': 'give your password',
  'field.workspace.id-format': 'is not a workspace id',
  'field.password.too-short': 'use at least {minimum, number} characters',
  'field.email.format': 'is not an email address',
  'field.phone.format': 'is not a phone number in E.164 form, such as +33612345678',
  'field.time-zone.format': 'is not an IANA time zone such as "Europe/Paris"',
  'field.locale.format': 'is not a BCP 47 locale such as "fr-FR"',
  'field.role.choice': 'choose admin, marketer or viewer',
  'field.quiet-hours.same': 'quiet hours start and end at different times',
  'field.tier.score': 'give a whole score from 1 to 5',
  'field.tier.range-order': 'the lowest score is above the highest',
  'field.tier.name-required': 'name the tier',
  'field.tier.name-format': 'a tier is lower-case letters, digits and dashes (for example most-valuable)',
  'field.tier.cost-attribute-required': 'name the cost attribute',
  'field.tier.rule-empty': 'give at least one of recency, frequency, monetary value or cost',
  'field.tier.rules-max': 'use at most {maximum, number} rules',
  'field.tier.rescore-hours': 'rescore in whole hours, from every hour to every 31 days',
  'field.attribute.declared-name-format':
    'an attribute name starts with a letter or "_" and has only letters, digits and "_" (at most 64)',
  'field.attribute.reserved-name': 'this name is a profile field or a template variable, not an attribute',
  'field.attribute.computed-name': 'this attribute is computed from orders and cannot be declared or set',
  'field.attribute.type-choice': 'choose a type: text, number, true or false, or date',
  'field.import.content-type': 'send the file as {type}',
} as const;

/** Rapport's own profile fields and computed attributes, as the attribute pickers name them; and attribute types. */
export const attributeWordsEn = {
  'attribute.label.externalId': 'User id',
  'attribute.label.email': 'Email',
  'attribute.label.phone': 'Phone',
  'attribute.label.timeZone': 'Time zone',
  'attribute.label.locale': 'Language',
  'attribute.label.orders_count': 'Orders',
  'attribute.label.total_spent': 'Total spent',
  'attribute.label.first_order_at': 'First order',
  'attribute.label.last_order_at': 'Last order',
  'attribute.label.average_order_interval_days': 'Usual days between orders',
  'attribute.label.churn_risk_at': 'At risk of churning from',
  'attribute.label.products_bought': 'Products bought',
  'attribute.label.value_tier': 'Value tier',
  'attribute.label.rfm_recency': 'Recency score (1-5)',
  'attribute.label.rfm_frequency': 'Frequency score (1-5)',
  'attribute.label.rfm_monetary': 'Spend score (1-5)',
  'attribute.label.next_refill_due_at': 'Next refill due',
  'attribute.label.refill_due_at': 'Refill due, per product',
  'attribute.label.last_ordered_at': 'Last ordered, per product',
  'attribute.label.recommendations': 'Recommended products',
  'attribute.label.recommended_categories': 'Recommended categories',
  'attribute.type.string': 'text',
  'attribute.type.number': 'number',
  'attribute.type.boolean': 'yes or no',
  'attribute.type.date': 'date',
  'attribute.type.list': 'list',
  'attribute.type.map': 'per product',
  'attribute.type.unknown': 'type not known yet',
} as const;
