// Example bounces for the "Try an example" buttons: a single line, a full delivery report email and an
// Outlook-style report. Addresses and hosts use the documentation ranges (example.org, 192.0.2.x).

export type ExampleBounce = { label: string; text: string };

export const EXAMPLE_BOUNCES: ExampleBounce[] = [
  {
    label: 'A one-line bounce',
    text: '550 5.1.1 <bob@example.org>: Email address could not be found, or was misspelled (G8)',
  },
  {
    label: 'A full bounce email',
    text: `Return-Path: <>
From: MAILER-DAEMON@smtp12.emailsrvr.com (Mail Delivery System)
To: jane@example.com
Subject: Undelivered Mail Returned to Sender
Date: Tue, 3 Nov 2026 09:41:12 -0500
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="4B2C1A0F.1699022472/smtp12.emailsrvr.com"

This is a MIME-encapsulated message.

--4B2C1A0F.1699022472/smtp12.emailsrvr.com
Content-Type: text/plain; charset=us-ascii

This is the mail system at host smtp12.emailsrvr.com.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients.

<bob@example.org>: host mx1.example.org[192.0.2.25] said: 550 5.7.1
    <bob@example.org>: Relay access denied (in reply to RCPT TO command)

--4B2C1A0F.1699022472/smtp12.emailsrvr.com
Content-Type: message/delivery-status

Reporting-MTA: dns; smtp12.emailsrvr.com
Arrival-Date: Tue, 3 Nov 2026 09:41:10 -0500

Final-Recipient: rfc822; bob@example.org
Original-Recipient: rfc822;bob@example.org
Action: failed
Status: 5.7.1
Remote-MTA: dns; mx1.example.org
Diagnostic-Code: smtp; 550 5.7.1 <bob@example.org>: Relay access denied

--4B2C1A0F.1699022472/smtp12.emailsrvr.com--
`,
  },
  {
    label: 'An Outlook-style report',
    text: `Delivery has failed to these recipients or groups:

carol@example.net
The email address you entered couldn't be found. Please check the recipient's email address and try to resend the message.

Diagnostic information for administrators:

Generating server: BN8PR12MB3456.namprd12.prod.outlook.com

carol@example.net
Remote Server returned '550 5.3.4 Message too large (G17)'

Original message headers:

Received: from BN8PR12MB3456.namprd12.prod.outlook.com (2603:10b6:408:6a::19) by
 BN8PR12MB3456.namprd12.prod.outlook.com with HTTPS; Tue, 3 Nov 2026 14:41:10 +0000
Subject: Quarterly figures
`,
  },
];
