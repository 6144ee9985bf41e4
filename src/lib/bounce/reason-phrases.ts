// The phrase table: for each reason, the wordings mail servers use for it. The diagnosis engine
// tests these, in the order listed (most specific first), against the server's own reply
// (Diagnostic-Code, RFC 3464 section 2.3.6) and then against the rest of the bounce text.
// Patterns run on lower-cased text with runs of white space collapsed to one space.
import type { Reason } from '../content/vocabulary.ts';

export type PhraseTable = {
  reason: Reason;
  /** Strong phrases name the cause; weak ones (a generic "rejected") lose to a specific status code. */
  strength: 'strong' | 'weak';
  patterns: readonly RegExp[];
};

export const REASON_PHRASES: readonly PhraseTable[] = [
  {
    reason: 'securityerror',
    strength: 'strong',
    patterns: [/\bunauthenticated senders?\b|\bauthentication (?:is )?required\b|\bmust (?:first )?authenticate\b/], // "550 Unauthenticated senders not allowed"
  },
  {
    reason: 'suppressed',
    strength: 'strong',
    patterns: [
      /\b(?:address|recipient) (?:is )?(?:on|in) (?:the|our|an?) (?:account[- ]level )?suppression list/, // "Address is on the suppression list"
      /\bsuppress(?:ed|ion list)\b.{0,40}\b(?:bounce|complaint)/,
    ],
  },
  {
    reason: 'failedstarttls',
    strength: 'strong',
    patterns: [
      /\bstarttls\b.{0,60}\b(?:fail|required|not (?:supported|offered|available)|error)/, // "STARTTLS is required"
      /\b(?:tls|ssl) (?:is )?required\b|\bmust (?:issue a )?starttls\b|\btls handshake (?:failed|error)\b/, // "Must issue a STARTTLS command first"
      /\bencryption (?:is )?required\b|\brequiretls\b/,
      // A TLS certificate the sending server could not accept is a failed TLS set-up: "Destination mail server's
      // certificate is expired", "Remote certificate failed MTA-STS validation"
      /\b(?:remote|server'?s?|destination|peer|tls) certificate\b.{0,40}\b(?:expired|mismatch|failed|invalid|not (?:valid|trusted)|untrusted|must have)|\bcertificate[- ](?:has )?(?:expired|host[- ]mismatch)\b|\bmta-sts (?:validation|policy)\b/,
    ],
  },
  {
    reason: 'authfailure',
    strength: 'strong',
    patterns: [
      /\bdmarc\b.{0,60}\b(?:policy|fail|reject)/, // "rejected per DMARC policy"
      /\bno dmarc alignment\b|\b(?:isn'?t|is not|not) aligned with\b.{0,60}\b(?:spf|dkim)\b/, // "421 4.7.32 ... the From: header ... isn't aligned with either the authenticated SPF or DKIM organizational domain"
      /\b(?:spf|sender policy framework)\b.{0,60}\b(?:fail|violation|not (?:authorized|permitted)|hard ?fail|check|reject)/, // "SPF check failed"
      /\bnot (?:authorized|permitted) (?:by|to send|in spf)|\bis not allowed to send mail from\b|\bdoes not designate\b.{0,60}\bpermitted sender/,
      /\bbad spf\b|\bspf (?:record|policy)\b|\bdkim\b.{0,40}\b(?:fail|invalid|not valid|signature (?:is )?(?:required|missing))/,
      /\bdoes not have authentication information\b|\bfails? to pass (?:spf|dkim|authentication)|\bunauthenticated (?:email|mail|message)\b.{0,40}\bnot accepted\b/, // Gmail "Unauthenticated email from x is not accepted due to domain's DMARC policy"
      /\bemail (?:is )?not authenticated\b|\bauthentication (?:check )?(?:fail|failure)\b.{0,30}\b(?:spf|dkim|dmarc)/,
    ],
  },
  {
    reason: 'norelaying',
    strength: 'strong',
    patterns: [
      /\brelay(?:ing)? (?:access )?(?:denied|disallowed|not (?:permitted|allowed|authorized)|prohibited|refused|forbidden)|\b(?:we )?do not relay\b|\bunable to relay\b|\bno relay(?:ing)?\b|\brelay(?:ing)? (?:is )?not\b|\bnot (?:permitted|allowed|authorized) to relay\b|\bcannot relay\b|\bcan'?t relay\b|\brelaying (?:mail )?(?:to|from) .{0,40}(?:denied|not allowed|prohibited)/, // "Relay access denied"
      /\bnot (?:configured|set up) to relay\b|\binsecure mail relay\b|\bemail address is not verified\. the following identities failed the check\b/, // "This system is not configured to relay mail"; Amazon SES for an unverified sender
      /\bnot a gateway\b|\bnot our customer\b|\bopen relay\b|\brelay (?:not )?permitted\b|\bsorry, that domain isn'?t in my list of allowed rcpthosts\b/,
    ],
  },
  {
    reason: 'requireptr',
    strength: 'strong',
    patterns: [
      /\breverse (?:dns|lookup|hostname|name|mapping)\b/, // "Fix reverse DNS for 192.0.2.1"
      /\bno ptr\b|\bptr (?:record|lookup|resource)\b|\bmissing ptr\b|\bbad ptr\b/,
      /\bcannot find your (?:reverse )?hostname\b|\bcan(?:no|')t resolve (?:your )?(?:ip|host ?name|ip address)\b/, // "Client host rejected: cannot find your hostname"
      /\bclient host rejected: (?:cannot find your hostname|you have no|no rdns)|\b(?:has|have) no (?:valid )?(?:rdns|reverse)\b|\brdns\b/,
      /\bip (?:address )?(?:name )?(?:lookup|possibly forged|does not match hostname)|\bhostname (?:does not match|mismatch)|\bpossibly forged\b|\bmismatches client ip\b|\bip name lookup failed\b/,
      /\bconnections not accepted from servers without a valid sender domain\b|\bnot resolve to the ip\b|\bno dns (?:ptr|reverse)/,
      /\bdns reverse\b|\bresolv(?:e|ing) your (?:ip|address|host)|\bunresolvable (?:ip|address|host ?name)|\bforward (?:and|or) reverse\b/,
     /\bunverif(?:i|y)able sending ips?\b/],
  },
  {
    reason: 'badreputation',
    strength: 'strong',
    patterns: [/\b(?:poor|bad|low|negative) (?:sender |ip |domain |sending )?reputation\b|\breputation (?:score|is too low|of (?:the|your) (?:ip|domain|sender))|\brate limited due to (?:ip )?reputation\b|\bsenderscore\b.{0,20}\bscore\b|\bip reputation\b/], // "Poor IP reputation"
  },
  {
    reason: 'contenterror',
    strength: 'strong',
    patterns: [/\bduplicate header\b|\bheader (?:line )?(?:is )?(?:malformed|invalid)\b/], // "Transaction failed: Duplicate header 'DKIM-Signature'"
  },
  {
    reason: 'notcompliantrfc',
    strength: 'strong',
    patterns: [/\b(?:not|non-?)(?: be)? (?:rfc|rfc ?\d{3,4})[ -]?complian|\brfc ?(?:5322|2822|822|5321|2821|6532)\b.{0,40}\b(?:violat|complian|invalid|require)|\bduplicate (?:from|to|subject|date|message-id)|\bmultiple (?:from|to|subject|date|message-id) headers?|\bheaders? (?:are |is )?not (?:rfc )?compliant|\bmessage-id (?:header )?(?:missing|invalid)|\bmissing (?:a )?(?:message-id|date|from) header|\bnon[- ]compliant\b|\bmultiple addresses in from\b/], // "Headers are not RFC compliant"
  },
  {
    reason: 'virusdetected',
    strength: 'strong',
    patterns: [
      /\bvirus(?:es)?\b.{0,40}\b(?:found|detected|infected|contain)|\b(?:contains?|detected|found|infected (?:with|by)) (?:a )?(?:virus|malware|trojan|worm)\b/, // "Virus found in message"
      /\bmalware\b|\bmalicious (?:content|attachment|payload|url)|\binfected\b/,
    ],
  },
  {
    reason: 'spamdetected',
    strength: 'strong',
    patterns: [
      /\b(?:detected|classified|identified|flagged|regarded|considered|marked|determined|looks? like|appears? to be|suspected|rejected as|blocked as|treated as|characteri[sz]ed as)\b.{0,30}\b(?:spam|junk|unsolicited|bulk mail)/, // "message was detected as spam"
      /\bspam\b.{0,40}\b(?:detected|content|message|score|filter|rejected|blocked|signature|policy|suspected|characteristics|like)|\bspamassassin\b|\bspam (?:is not|not) (?:accepted|allowed)\b/, // "Spam message rejected"
      /\b(?:message|content|mail|email) (?:is|was|has been) (?:rejected|refused|blocked) (?:as|because (?:it|of)) (?:spam|unsolicited)/,
      /\b(?:high|bad) (?:spam|bulk) (?:score|probability)|\bbulk mail\b|\buce\b|\bunsolicited (?:commercial )?(?:e-?mail|mail|bulk)|\bscored as spam\b|\bsending spam\b|\bsent spam\b|\bspam filter|\bspam-?like\b|\bsuspicious content\b/,
      /\bcontent policy\b|\bblacklisted url\b|\burl(?:s)? (?:in|of) (?:this|the) message\b.{0,40}\b(?:black|block)list|\buribl\b|\bsurbl\b/,
      /\bour system has detected that this message is\b|\bthis message (?:has been|was) (?:blocked|rejected) because it (?:contains|looks)/,
      /\b(?:mail |message )?content (?:denied|refused)\b/, // Tencent "550 Mail content denied."
      /\bjunk mail\b|\bphish/,
    ],
  },
  {
    reason: 'mailererror',
    strength: 'strong',
    patterns: [/\bmailer (?:error|program)\b|\bprocmail\b|\bx-unix;|\bcommand (?:died|failed|output|returned)|\bexited with\b|\bexit (?:status|code) \d|\bunknown mailer error\b|\bpipe to\b|\bprogram (?:exited|failed)|\bdelivery (?:program|agent) (?:failed|error)|\bdeliver(?:y)? command\b|\bsignal \d+\b/], // "X-Unix; 255", "Command died with status 1"
  },
  {
    reason: 'toomanyconn',
    strength: 'strong',
    patterns: [/\b(?:ip|connection) frequency limited\b|\btoo many (?:concurrent |simultaneous |open )?(?:connections|sessions|smtp sessions)|\bconnection (?:limit|count) (?:exceeded|reached)|\bmaximum (?:number of )?(?:concurrent )?connections?\b|\bconnection rate limit\b|\btoo many connections\b/], // "Too many concurrent connections from this client"
  },
  {
    reason: 'speeding',
    strength: 'strong',
    patterns: [
      /\b(?<!connection )(?:rate|sending rate|message rate) (?:limit|limited|exceeded|control)|\btoo (?:many|much) (?:messages|mail|email|e-mails|emails) (?:sent )?(?:too (?:fast|quickly)|in a short|from|per|at once)|\bunusual rate\b|\btoo many recent (?:messages|e-?mails|mails)\b|\blimit for the number of messages (?:they|you) can send\b|\bsending too (?:fast|quickly)|\bslow down\b|\btry again later\b.{0,30}\b(?:rate|volume)|\bunexpected volume\b|\brate of (?:incoming|unsolicited) mail|\breceiving mail at a rate\b|\btemporarily (?:deferred|rate limited)\b/, // "Too many messages too fast"
    ],
  },
  {
    reason: 'mesgtoobig',
    strength: 'strong',
    patterns: [
      /\bline limit exceeded\b|\bmessage (?:is )?(?:too (?:large|big|long)|size exceeds|exceeds (?:the )?(?:maximum |max )?(?:allowed |fixed |message )?size)|\bmessage (?:file )?too (?:large|big)\b/, // "Message too large"
      /\b(?:size|length) (?:of (?:the )?message )?(?:exceeds|is over|is larger than|too (?:large|big))|\bmessage size\b.{0,30}\b(?:exceed|limit|too)|\bmax(?:imum)? message size\b|\bexceeds (?:the )?(?:size|message size) limit\b/,
      /\b(?:email|mail|message|attachment)s? (?:is |are )?(?:too large|too big|larger than)|\bexceeded (?:the )?(?:max(?:imum)?|message) size\b|\bexceed(?:s|ed)? (?:the )?max(?:imum)? (?:inbound |incoming |allowed )?message size\b|\btoo much (?:mail )?data\b|\bsize limit\b/,
    ],
  },
  {
    reason: 'exceedlimit',
    strength: 'strong',
    patterns: [
      /\brecipients? (?:limit|count) (?:exceeded|reached)|\bexceed(?:s|ed)? (?:the )?(?:max(?:imum)? )?(?:number of )?recipients/, // "Too many recipients"
      /\b(?:message|mail) (?:length )?exceeds (?:the )?administrative limit|\bexceeds? (?:the )?(?:local|administrative) limit|\btoo many (?:lines|headers)\b|\bheader (?:size )?(?:limit|too (?:large|long))/,
      /\bquota exceeded for (?:outgoing|sending)|\bdaily (?:sending )?(?:limit|quota) (?:exceeded|reached)|\bsending limit|\bmessage limit exceeded\b/,
      // A quota counted per hour or day limits a rate of messages, not a mailbox's storage: "Recipients Domain
      // Hourly Quota Exceeded", "exceeded their limit for the number of messages they can receive per hour" (a
      // sender's own rate to one recipient, "...they can send to this recipient per hour", is speeding)
      /\b(?:hourly|daily|per[- ](?:hour|day)) (?:\w+ )?(?:quota|limit) (?:exceeded|reached)\b|\blimit for the number of messages (?:they|it) can receive\b/,
    ],
  },
  {
    reason: 'mailboxfull',
    strength: 'strong',
    patterns: [
      /\b(?:mail ?box|mail ?folder|inbox|account|user|recipient|disk|storage)(?:'s)? (?:is |was |has )?(?:full|over ?(?:the )?(?:quota|limit)|exceeded (?:its|the|their|his|her) (?:quota|storage|limit))/, // "Mailbox full", "user is over quota"
      /\bover ?quota\b|\bquota (?:exceeded|exceed|full|violation|reached|limit)|\bexceed(?:s|ed)? (?:the |their |its )?(?:storage |mailbox |disk )?(?:quota|allocation|storage limit)|\binsufficient (?:storage|space|quota)|\bmailbox (?:size )?limit/,
      /\b(?:not enough|no (?:more )?) (?:disk )?(?:space|storage|room)\b.{0,30}\b(?:mailbox|user|recipient|account)|\bmailbox (?:is )?(?:currently )?(?:full|unavailable due to quota)|\bfull mailbox\b|\bout of (?:storage|space)\b.{0,20}\b(?:mailbox|account|user)|\bfull of (?:mail|messages)\b|\bmailbox (?:has )?exceeded\b|\bdisk quota\b|\bis full\b/,
      /\buser (?:has )?(?:too many|exceeded) messages|\bmaildir (?:over|quota)|\bmail quota\b|\bquota\b.{0,20}\b(?:exceeded|full)/,
     /\bmailbox exceeds (?:the )?(?:allowed|maximum|max) size\b/,
      // German, French, Spanish: "Das Postfach des Empfängers ist voll", "boîte aux lettres pleine", "buzón lleno"
      /\bpostfach\b.{0,40}(?:\bvoll\b|überschritten)|\bspeicherplatz (?:des postfachs )?(?:ist )?(?:erschöpft|überschritten)|\bbo[iî]te(?: aux lettres| de réception| mail)?\b.{0,30}\bpleine\b|\bbuz[oó]n\b.{0,30}\blleno\b/],
  },
  {
    reason: 'suspend',
    strength: 'strong',
    patterns: [
      /\b(?:mailbox|account|user|address|recipient|e-?mail account|email address)\b.{0,30}\b(?:is |has been |was )?(?:disabled|suspended|deactivated|inactive|frozen|locked|(?<!message )expired|closed|blocked by (?:the )?administrator|not active|no longer active|terminated|cancell?ed|on hold)/, // "This mailbox is disabled"
      /\b(?:disabled|suspended|inactive|deactivated|locked|closed) (?:mail ?box|account|user|recipient|address)/,
      /\baccount (?:has been )?(?:temporarily )?(?:disabled|suspended|deactivated)|\bmailbox unavailable: (?:disabled|suspended)|\baccount is blocked\b|\buser (?:account )?(?:is )?(?:suspended|disabled)\b/,
      /\b(?:blocked|disabled|closed|suspended|deactivated|locked) (?:due to|for|because of) (?:long )?inactivity\b/, // "550 5.2.1 This mailbox has been blocked due to inactivity"
      /\bbanned recipient\b/, // Microsoft 365's "5.7.505 Access denied, banned recipient": the address may receive nothing
    ],
  },
  {
    reason: 'hasmoved',
    strength: 'strong',
    patterns: [/\bhas (?:been )?moved\b|\bno longer (?:with|at|employed|works)|\baddress (?:has )?changed\b|\bforwarding address\b|\buser has moved\b/], // "551 User has moved; please try <new@example.org>"
  },
  {
    reason: 'rejected',
    strength: 'strong',
    patterns: [
      /\bsender (?:address )?(?:rejected|refused|denied|blocked|invalid|not allowed|unknown|verify failed|verification failed|domain (?:must exist|not found|does not exist|unknown|invalid|rejected))/, // "Sender address rejected: Domain not found"
      /\b(?:mail from|envelope sender|envelope from|return path|return-path|from address|sender domain|sender's domain|senders? mail ?address|bounce address)\b.{0,40}\b(?:rejected|refused|denied|invalid|not (?:allowed|accepted|exist|found|verified|resolv)|unknown|does not exist|blacklisted|blocked)/,
      /\b(?:domain|address) of sender\b.{0,40}\b(?:not|does not|doesn't|invalid|unknown|rejected)|\bsender is not\b|\bsender domain\b|\bunknown sender\b|\binvalid sender\b|\bsender address\b.{0,30}\b(?:is not|not)\b|\bneed fully-qualified address\b|\bsender denied\b|\brejected sender\b|\bsender rejected\b|\bnot allowed to send\b|\bbad sender\b|\bsender (?:is )?blacklisted\b|\breturn address\b|\bprovide a valid from\b|\bfrom: domain is invalid\b|\bunroutable sender\b/,
      /\b(?:domain|mail) (?:of|from) your address\b|\byour (?:e-?mail )?address (?:has been |is )?(?:blocked|blacklisted|rejected|banned)|\bblocked by (?:this|the) (?:domain|recipient|user)\b|\bsender (?:is )?on (?:a|the|my|our) (?:block|black|deny)list\b/,
      // A sender domain with no DNS entry: "451 Message temporarily deferred due to unresolvable RFC.5321 from domain"
      /\bunresolvable (?:rfc[ .]?532[12] )?from domain\b|\bunresolvable (?:sender|envelope|mail from) domain\b/,
      // qmail-remote: "Connected to 192.0.2.1 but sender was rejected." (the MAIL FROM was refused)
      /\bconnected to [^ ]{1,255} but sender was rejected\b/,
      // Mailing-list services refusing a post: Google Groups "you may not have permission to post messages to
      // the group", Mailman "You are not allowed to post to this mailing list", "only members can post"
      /\bmay not have permission to post messages to the group\b|\b(?:not (?:allowed|permitted|authori[sz]ed)|no permission) to post (?:messages )?to (?:this|the) (?:group|(?:mailing )?list)\b|\bonly (?:members|subscribers) (?:can|may) post\b/,
     /\bnot a member of (?:this|the) (?:mailing )?list\b|\bsending to\/from an address that has been (?:black|block)listed\b/],
  },
  {
    reason: 'hostunknown',
    strength: 'strong',
    patterns: [/\b(?:account or domain|domain) may not exist\b/], // "The account or domain may not exist, they may be blacklisted, or missing the proper dns entries."
  },
  {
    reason: 'userunknown',
    strength: 'strong',
    patterns: [
      /\b(?:user|recipient|mailbox|account|addressee|local ?part|e-?mail address|destination address|recipient address)\b.{0,30}\b(?:unknown|not (?:found|exist|known|listed|valid|recognized|recognised|available)|does not exist|doesn'?t exist|no such|invalid|nonexistent|non-existent|(?<!temporarily )unavailable|is not a valid|could not be found|not be found|unrouteable)/, // "User unknown", "Recipient address rejected: User unknown"; not "Recipient temporarily unavailable"
      /\bno such (?:user|recipient|mailbox|address|account|person|local user|e-?mail)|\b(?:unknown|invalid|bad|non-?existent|nonexistent|unrouteable|inexistent) (?:user|recipient|mailbox|address|account|local part|destination|e-?mail|addressee|alias)(?! syntax)|\bunknown or illegal (?:user|alias)|\bno mailbox (?:here|by that name)|\bmailbox (?:unavailable|not available|name not allowed)\b/,
      /\buser (?:not|doesn'?t|does not) (?:exist|found|here|have|known)|\bis not a valid (?:mailbox|user|recipient|address)|\bno (?:valid )?recipients?\b|\bnot (?:a )?(?:valid|known) (?:user|recipient|mailbox|address)|\bunknown user\b|\bunknown local|\bno mail ?box\b|\bno such\b/,
      /\baddress (?:couldn'?t be found|could not be found|lookup failed|not present|is not recognized)|\bemail account that you tried to reach does not exist\b|\bcould not be delivered to the recipient\b.{0,40}\bnot exist|\bresolver\.adr\.recipientnotfound\b|\brecipientnotfound\b|\bnot in (?:my|the) (?:list|table)|\bin (?:virtual|local|relay) (?:alias|mailbox|recipient|user) table\b|\brecipient (?:is )?not (?:found|authori[sz]ed)|\bbad destination (?:mailbox|address)|\binvalid-recipient\b|\bunknown address\b|\baccount (?:does not|doesn'?t) exist|\bdoes not have an? (?:account|mailbox)/,
      /\baddressee unknown\b|見つかりません|存在しません|宛先不明|\buser not found\b|\bno account\b|\bmailbox not found\b|\bnot our user\b|\bnot a local user\b|\bunknown recipient\b|\bmailbox is unavailable\b/,
     /\bnot listed in (?:the |public )?(?:domino )?directory\b|ディレクトリのリストにありません|\binvalid (?:final )?(?:delivery )?user ?id\b/,
      // German, French, Spanish: "Die eingegebene E-Mail-Adresse wurde nicht gefunden", "adresse introuvable", "el usuario no existe"
      /\b(?:empfänger|e-mail-adresse|adresse|postfach|benutzer).{0,40}\b(?:ist )?(?:unbekannt|existiert nicht|wurde nicht gefunden)|\b(?:adresse|destinataire|utilisateur)\b.{0,40}\b(?:est )?(?:introuvable|inconnue?\b|n'existe pas)|\b(?:destinatario|usuario|direcci[oó]n)\b.{0,30}\b(?:no existe|desconocid[oa])/],
  },
  {
    // Postfix writes "Recipient address rejected:" before whatever its recipient restriction said ("Greylisted",
    // "Access denied", "User unknown in local recipient table"): alone it says only that the address was refused.
    reason: 'userunknown',
    strength: 'weak',
    // A greylisting server or a recipient check still running defers the address for now: "Recipient address
    // rejected: Greylisted for 5 minutes", "...: Address verification in progress".
    patterns: [/\b(?:recipient|address|user|mailbox) rejected\b(?![:;,]?[ \t]{0,3}(?:greylist|address verification in progress|unverified address|verification in progress))/],
  },
  {
    // A recipient check still running names no cause yet: "450 4.1.1 <a@example.org>: Recipient address
    // rejected: unverified address: Address verification in progress" (Postfix's reject_unverified_recipient).
    reason: 'onhold',
    strength: 'strong',
    patterns: [/\baddress verification in progress\b/],
  },
  {
    reason: 'notaccept',
    strength: 'strong',
    patterns: [/\bnull mx\b|\bdoes not accept (?:any )?mail\b|\baccepts? no mail\b|\bno (?:smtp )?service\b|\bnot accepting (?:network )?(?:mail|messages)\b|\bmail is not accepted\b|\bdomain does not receive mail\b|\b(?:does not|doesn'?t) receive e?mail\b/], // "Domain does not accept mail (nullMX)"
  },
  {
    reason: 'networkerror',
    strength: 'strong',
    patterns: [/\bname server: [^\s:]{1,253}: host name lookup failure\b|\bhost not found, try again\b|\bmalformed or unexpected name server reply\b|\bdns error\b|\btemporary failure in name resolution\b/], // "Name service error for domain example.com: Host not found, try again"; Sendmail "Deferred: Name server: example.org.: host name lookup failure"
  },
  {
    reason: 'hostunknown',
    strength: 'strong',
    patterns: [
      /\bhost (?:or domain name )?(?:not found|unknown)|\bdomain (?:name )?(?:not found|does not exist|doesn'?t exist|unknown|is not valid|not exist)|\bunknown (?:host|domain)|\bno such (?:host|domain)|\bnon-?existent (?:host|domain)|\binvalid (?:host|domain)|\b(?:nxdomain|name or service not known)\b/, // "Host or domain name not found"
      /\bmx (?:host|record)s? (?:not found|for .{1,60} (?:not found|does not exist))|\bno mx (?:or a )?records?\b|\bno (?:valid )?mail exchanger|\bdomain is not reachable\b|\bunrouteable (?:mail )?domain|\bunrouteable address\b|\bdomain (?:is )?not (?:hosted|handled|served|configured)|\bnot (?:a )?(?:valid|hosted|local) domain|\bhost not found\b|\bdns (?:lookup|query) (?:failed|error) for\b|\bunable to resolve (?:domain|host)|\bno route for domain|\bis not a (?:registered|known) domain|\bdomain (?:has )?no (?:mx|dns)|\brecipient domain\b.{0,30}\b(?:not|invalid|unknown)/,
      /\bmx (?:records? )?(?:do(?:es)? not|do(?:es)?n'?t) point to us\b/, // "550 no such address here (MX do not point to us)": the domain is not hosted here
      /\bname service error\b|\b[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,6} does not exist\b|\bunknown mail transport error\b|\bhost name lookup failure\b|\bdomain not found\b|\bno mail hosts? for\b|\bdomain lookup failed\b/,
    ],
  },
  {
    reason: 'spamdetected',
    strength: 'weak',
    patterns: [/\bspam\b/, /\bcontent (?:rejected|filter(?:ing)? (?:rejected|reject))|\bmessage content rejected\b/], // "554 5.7.0 Reject, id=... - SPAM." A content filter's bare refusal ("Content Rejected") names no one kind of content.
  },
  {
    reason: 'speeding',
    strength: 'weak',
    patterns: [/\bthrottl(?:ed|ing)\b/], // "451 4.7.1 Throttled": a slowdown, whatever its cause (rate, reputation)
  },
  {
    // A receiving domain's rule about how mail may arrive: "Access denied, [example.org] does not accept email over IPv6"
    reason: 'policyviolation',
    strength: 'strong',
    patterns: [/\b(?:does not|doesn'?t) accept (?:e-?mail|mail|messages) over ipv6\b/],
  },
  {
    reason: 'policyviolation',
    strength: 'weak',
    patterns: [
      /\bcontent presents a potential\b|\bpolicy (?:violation|reasons|rejection)|\bdenied by policy\b|\bviolat(?:es|ed|ion of) (?:our|the|local|site|content|usage)? ?polic|\b(?:local|site|security|content|message|email|mail|organization|company)(?:'s)? polic(?:y|ies)\b|\bprohibited (?:attachment|file|content|by policy)|\billegal attachment\b|\bbanned (?:file|attachment|content)|\b(?:attachment|file) (?:type )?(?:is )?not (?:allowed|permitted)|\bblocked (?:file|attachment)|\bnot allowed (?:by|per) (?:policy|the administrator)|\btransport rule\b|\bdelivery not authorized\b|\brejected (?:by|due to) (?:local |site )?policy|\bagainst (?:our|the) polic/, // "rejected due to local policy"
      /\bheader error\b|\bprotocol violation\b/, // "554 5.7.0 Header error"
    ],
  },
  {
    reason: 'blocked',
    strength: 'strong',
    patterns: [/\bconnected to [^ ]{1,255} but my name was rejected\b|\bconnected to [^ ]{1,255} but greeting failed\b|\bbanned sending ip\b/, // qmail-remote: "Connected to 192.0.2.1 but my name was rejected."; "Access denied, banned sending IP [192.0.2.1]"
      /\bspamhaus\.org\b|\bnot authori[sz]ed to send (?:e-?mail |mail )?directly\b/], // "553 http://www.spamhaus.org/query/bl?ip=192.0.2.1"; "The IP you're using to send mail is not authorized to send email directly to our servers"
  },
  {
    reason: 'blocked',
    strength: 'weak',
    patterns: [
      /\b(?:block|black|deny|ban)[- ]?list(?:ed)?\b|\bdnsbl\b|\brbl\b|\bspamhaus\b|\bspamcop\b|\bcloudmark\b|\bbarracuda(?:central)?\b|\bsorbs\b|\buceprotect\b|\bmailspike\b|\babuseat\b|\bspamrats\b/, // "blocked using Spamhaus PBL"
      /\bclient host (?:\[[^\]]{1,60}\] )?(?:rejected|blocked|refused)|\b(?:your|the|sending|client|connecting) (?:ip|host|server|mail server|network|address)\b.{0,40}\b(?:blocked|banned|blacklisted|listed|rejected|refused|denied|not (?:allowed|permitted|accepted))|\bblocked (?:using|by|for|because)\b|\baccess denied\b|\bconnection (?:refused|rejected|denied) (?:from|by|to)\b/,
      /\b(?:ip|host|sender ip|sending ip) (?:address )?(?:is )?(?:blocked|banned|blacklisted|rejected|listed)|\bnot accept(?:ed|ing)? mail from\b|\bmessages from\b.{0,60}\b(?:weren'?t sent|blocked|rejected)|\bblocked\b|\bbanned\b|\brefused to (?:talk|accept)|\bnot allowed to connect\b|\bnot accepting connections\b|\bdynamic (?:ip|address|pool)|\bresidential\b|\bdial-?up\b|\bplease use (?:the|your) (?:isp|smtp|provider)|\bsmtp server of your isp\b/,
    ],
  },
  {
    reason: 'securityerror',
    strength: 'weak',
    patterns: [
      /\bauthentication (?:required|is required|needed|failed|unsuccessful|credentials invalid)|\bmust (?:be )?(?:authenticat|log ?in)|\bsmtp auth(?:entication)?\b|\bauth(?:entication)? required\b|\bnot authenticated\b|\bpermission denied\b|\b(?:security|certificate) (?:error|failure|violation|policy)|\bcertificate\b|\binvalid credentials\b|\bunauthori[sz]ed\b|\bneed (?:to )?auth|\baccess (?:denied|forbidden)\b.{0,20}\bauth|\bsubmission port\b/, // "530 5.7.0 Authentication required"
    ],
  },
  {
    reason: 'contenterror',
    strength: 'weak',
    patterns: [/\b(?:invalid|illegal|bad|malformed|broken|corrupt) (?:data in message|mime|message|header|headers|content|character|characters|encoding|attachment)|\binvalid data\b|\bheader (?:syntax|is invalid)|\bmessage (?:format|headers?|content) (?:error|invalid|is invalid|not valid)|\b8-?bit\b.{0,30}\b(?:not|invalid)|\b8-?bit data\b|\bheaders? too large\b|\bcontent[- ]type\b.{0,30}\binvalid|\bbare (?:lf|linefeed)/], // "Invalid data in message"
  },
  {
    reason: 'syntaxerror',
    strength: 'weak',
    // "501 Bad address syntax": the address is malformed; "421 4.7.0 Error: too many errors": the session's error limit
    patterns: [/\bsyntax error\b|\bmalformed address\b|\b(?:bad|invalid|illegal) (?:\w+ )?address syntax\b|\btoo many errors\b|\bincorrectly constructed\b|\bcommand (?:not recogni[sz]ed|unrecogni[sz]ed|not implemented)|\bunrecogni[sz]ed command\b|\bbad (?:sequence of commands|command)|\bline too long\b|\binvalid command\b|\bparameters? (?:not recogni[sz]ed|error)/, /\bparameters? not implemented\b/], // "500 5.5.1 Command unrecognized"
  },
  {
    reason: 'systemfull',
    strength: 'strong',
    // "450 4.7.3 Organization queue quota exceeded": the receiving side's queue, not one mailbox
    patterns: [/\b(?:organization|server|system) queue quota\b|\b(?:system|disk|server|filesystem|file system|spool|queue) (?:is )?(?:full|out of space)|\binsufficient system (?:storage|resources)|\bout of (?:disk )?space\b|\bno space left\b|\bnot enough (?:system |disk )?(?:space|storage)\b|\bresources temporarily unavailable\b|\binsufficient (?:disk|system) /], // "452 4.3.1 Insufficient system storage"
  },
  {
    reason: 'systemerror',
    strength: 'weak',
    patterns: [/\b(?:system|server|internal|local|configuration|temporary|remote|database|software|transient) (?:error|failure|problem|misconfiguration)|\binternal (?:server )?error\b|\btemporar(?:y|ily) (?:failure|error|lookup failure)|(?<!\b(?:recipient|mailbox|user|account|addressee) )\btemporar(?:y|ily) unavailable|\bservice (?:is )?(?:currently |temporarily )?(?:unavailable|not available)|\btry (?:again )?later\b|\bserver (?:is )?busy\b|\bmail (?:system|server) (?:problem|error)|\bunable to (?:process|deliver|accept)|\berror (?:in|while|processing)|\btimed out waiting\b|\blocal error in processing\b|\bexception\b|\bunexpected\b|\bmisconfigur|\bconfig error\b|\bstoredrv\b|\bfailed to (?:process|deliver)/, /\bcould not load\b|\bduplicated message-id\b|\bloop alert\b/], // "451 4.3.0 Temporary lookup failure"; a mailbox "temporarily unavailable" says nothing of the server
  },
  {
    reason: 'networkerror',
    strength: 'weak',
    patterns: [/\bhop count exceeded\b|\bmail loop\b|\bloop(?:s)? (?:back to myself|detected)|\btoo many hops\b|\brouting loop\b|\bconnection (?:timed out|refused|reset|lost|closed|failed|dropped)|\bno route to host\b|\bnetwork (?:is )?unreachable\b|\bhost (?:is )?unreachable\b|\bcould not connect\b|\bunable to connect\b|\bcannot connect\b|\bfailed to connect\b|\blost connection\b|\bconnect to .{1,80} (?:failed|timed out|refused)|\btimed out\b|\bno answer\b|\bnot reachable\b|\bdns (?:error|failure|timeout|lookup failure)|\btemporary dns\b|\bmx lookup\b|\bunable to reach\b|\bsmtp (?:timeout|connection)\b/], // "Connection timed out"
  },
  {
    reason: 'expired',
    strength: 'strong',
    patterns: [/\bconnection timed out\b|\bretry (?:time(?:out)?|period) (?:exceeded|expired|not reached)|\b(?:message|delivery) (?:has )?expired\b|\bdelivery time expired\b|\btoo long in (?:the )?queue|\bqueue (?:lifetime|time(?:out)?) (?:exceeded|expired)|\bcould not be delivered (?:for|within|in) (?:\d+|the last|last|five|five \(5\)|several) |\bgave up\b|\bgiving up\b|\bno longer (?:be )?(?:retried|attempt)|\bmessage timeout\b|\bmaximum (?:delivery )?(?:time|retries|attempts)|\bexpired after\b|\bexpiration\b|\bhas not been delivered\b.{0,60}\b(?:days|hours)|\bundeliverable (?:for|after) \d|\bretr(?:y|ies) (?:limit )?(?:exceeded|reached)|\bhave been unable to deliver\b|\bunable to deliver .{0,40} after\b|\bwas not delivered within\b|\b(?:was|has been) (?:in|on) the queue\b|\bhave been failing for a long time\b|\bdid not accept our requests to connect\b|\bwill be retried for\b|\bdelivery (?:has been|is) delayed\b/, /\bdelivery failed \d+ attempts\b|\b(?:aborted|abandoned) after \d+(?:\.\d+)? (?:hour|day|minute)|\bstill undelivered after\b|\bcould not send message for (?:the )?past\b/], // "retry timeout exceeded"
  },
  {
    reason: 'filtered',
    strength: 'weak',
    patterns: [/\brejected by (?:the )?(?:recipient|receiving|destination) (?:server|domain)\b|\b(?:rejected|refused|blocked|declined) by (?:the )?(?:recipient|content|message|mail)? ?(?:filter|rule|user|recipient)s?\b|\bfilter(?:ed|ing)?\b|\bdeclined by recipient\b|\bmessage (?:was )?refused\b|\bcontent (?:is )?not accepted\b|\bsieve\b|\bnot accept(?:ed|ing)? (?:this|your) (?:message|mail)\b|\brefused to accept\b/], // "550 Message rejected by recipient's filter"
  },
];
