// Wordings of the common causes in the languages servers and localised notices use (Exchange and Gmail
// translate their NDRs; European and Asian providers write their own): German, French, Spanish, Italian,
// Portuguese, Dutch, Polish, Japanese and Chinese. Patterns run on lower-cased text with white space
// collapsed, like reason-phrases.ts; no "\b" beside a non-ASCII letter (JavaScript's \b is ASCII-only).
import type { PhraseTable } from './reason-phrases.ts';

export const LOCALISED_REASON_PHRASES: readonly PhraseTable[] = [
  {
    reason: 'userunknown',
    strength: 'strong',
    patterns: [
      // "Der Empfänger wurde nicht gefunden", "Benutzer unbekannt", "Die E-Mail-Adresse existiert nicht"
      /(?:empfänger|empfaenger|benutzer|e-mail-adresse|mailadresse|postfach)[^.]{0,60}(?:unbekannt|nicht gefunden|existiert nicht|ist ungültig)|unbekannter (?:empfänger|benutzer)/,
      // "Destinataire inconnu", "adresse introuvable", "cette adresse n'existe pas", "utilisateur inconnu"
      /(?:destinataire|utilisateur|adresse(?: e-mail| électronique| de messagerie)?|boîte aux lettres)[^.]{0,40}(?:inconnue?|introuvable|n'existe pas|inexistante?)/,
      // "Usuario desconocido", "la dirección de correo no existe", "el destinatario no existe"
      /(?:usuario|destinatario|dirección|buzón|cuenta)[^.]{0,40}(?:desconocid[oa]|no existe|inexistente|no encontrad[oa])/,
      // "Utente sconosciuto", "indirizzo inesistente", "l'utente non esiste"
      /(?:utente|destinatario|indirizzo|casella)[^.]{0,40}(?:sconosciut[oa]|inesistente|non esiste|non trovat[oa])/,
      // "Usuário desconhecido", "o endereço de e-mail não existe", "destinatário desconhecido"
      /(?:usuário|utilizador|destinatário|endereço|conta|caixa postal)[^.]{0,40}(?:desconhecid[oa]|não existe|inexistente|não encontrad[oa])/,
      // "Onbekende gebruiker", "het e-mailadres bestaat niet", "ontvanger onbekend"
      /onbekende (?:gebruiker|ontvanger)|(?:gebruiker|ontvanger|e-mailadres|adres|mailbox|postvak)[^.]{0,40}(?:bestaat niet|onbekend|niet gevonden)/,
      // "Nieznany użytkownik", "użytkownik nie istnieje", "nie ma takiego użytkownika"
      /nieznany (?:użytkownik|adresat|odbiorca)|(?:użytkownik|adres|konto|skrzynka|odbiorca)[^.]{0,40}nie istnieje|nie ma takiego (?:użytkownika|adresu|konta)/,
      // "宛先不明", "ユーザーが見つかりません", "アカウントは存在しません"
      /宛先(?:不明|が見つかりません)|(?:ユーザー?|アカウント|メールアドレス|宛先)(?:が|は)?(?:見つかりません|存在しません)/,
      // "用户不存在", "收件人不存在", "邮箱地址不存在", "使用者不存在", "帳號不存在"
      /(?:用户|用戶|收件人|邮箱|郵箱|信箱|地址|使用者|帳號|账号|账户|帐户)(?:名)?(?:不存在|无效|無效|未找到)/,
    ],
  },
  {
    reason: 'mailboxfull',
    strength: 'strong',
    patterns: [
      // "Das Postfach ist voll", "Speicherkontingent überschritten", "Postfach des Empfängers ist voll"
      /(?:postfach|mailbox)[^.]{0,40}(?:ist )?voll(?![a-zäöüß])|(?:speicher|kontingent|quota)[^.]{0,20}überschritten/,
      // "boîte aux lettres pleine", "la boîte de réception est pleine", "quota dépassé"
      /boîte (?:aux lettres|de réception|mail)[^.]{0,30}(?:pleine|saturée)|quota (?:dépassé|atteint)/,
      // "buzón lleno", "el buzón está lleno", "cuota excedida" / Portuguese "cota excedida", "caixa cheia"
      /buzón[^.]{0,30}llen[oa]|cuota (?:excedida|superada)|caixa (?:de correio|postal|de entrada)?[^.]{0,20}(?:cheia|lotada)|(?:cota|quota) (?:excedida|esgotada)/,
      // "casella piena", "la casella di posta è piena", "quota superata"
      /casella (?:di posta )?[^.]{0,20}piena|quota (?:superata|esaurita)/,
      // "mailbox is vol", "postvak is vol", "quotum overschreden"
      /(?:postvak|postbus|mailbox) (?:is )?vol(?![a-z])|quot(?:um|a) (?:is )?overschreden/,
      // "skrzynka jest pełna", "przekroczono limit miejsca"
      /skrzynka[^.]{0,30}(?:jest )?(?:pełna|przepełniona)|przekroczon[oay] (?:limit|przydział)/,
      // "メールボックスがいっぱい", "容量を超えています", "容量オーバー"
      /メールボックス(?:が|は)?(?:いっぱい|満杯)|容量(?:を|が)?(?:超え|オーバー|不足)/,
      // "邮箱已满", "信箱已滿", "邮箱空间不足", "超出容量"
      /(?:邮箱|郵箱|信箱)[^。]{0,6}(?:已满|已滿|满了|空间不足|空間不足|容量不足)|超出(?:邮箱)?(?:容量|配额)/,
    ],
  },
  {
    reason: 'hostunknown',
    strength: 'strong',
    patterns: [
      // "Die Domäne existiert nicht", "Domain nicht gefunden" / French "domaine introuvable", "domaine inexistant"
      /(?:domäne|domain)[^.]{0,30}(?:existiert nicht|nicht gefunden|unbekannt)|domaine[^.]{0,30}(?:introuvable|inexistant|inconnu|n'existe pas)/,
      // Spanish, Italian, Portuguese: "el dominio no existe", "dominio inesistente", "domínio não encontrado"
      /dom[ií]nio[^.]{0,30}(?:no existe|desconocido|inesistente|non esiste|non trovato|não existe|não encontrado|desconhecido)/,
      // Dutch, Polish: "het domein bestaat niet", "domena nie istnieje"
      /domein[^.]{0,30}(?:bestaat niet|niet gevonden|onbekend)|onbekend domein|domena[^.]{0,30}nie istnieje|nieznana domena/,
      // "ドメインが見つかりません", "域名不存在", "網域不存在"
      /ドメイン(?:が|は)?(?:見つかりません|存在しません)|(?:域名|網域|网域)(?:不存在|无法解析|無法解析)/,
    ],
  },
  {
    reason: 'mesgtoobig',
    strength: 'strong',
    patterns: [
      // "Die Nachricht ist zu groß", "überschreitet die maximale Größe" / French "message trop volumineux"
      /nachricht (?:ist )?zu groß|überschreitet die (?:maximal|zulässig)e? (?:nachrichten)?größe|message (?:est )?trop (?:volumineux|gros)|taille[^.]{0,30}dépasse/,
      // Spanish, Italian, Portuguese: "mensaje demasiado grande", "messaggio troppo grande", "mensagem muito grande"
      /mensaje (?:es )?demasiado grande|messaggio (?:è )?troppo grande|mensagem (?:é )?(?:muito|demasiado) grande|(?:excede|supera|excede) (?:el|la|o|a) (?:tamaño|dimensione|tamanho) máxim[oa]/,
      // Dutch, Polish: "bericht is te groot", "wiadomość jest za duża"
      /bericht is te groot|wiadomość (?:jest )?(?:za duża|zbyt duża)|przekracza maksymalny rozmiar/,
      // "メッセージが大きすぎます", "サイズ制限を超え", "邮件过大", "郵件太大"
      /(?:メッセージ|メール)(?:の)?(?:サイズ)?が大きすぎ|サイズ制限を超え|(?:邮件|郵件)(?:过大|過大|太大)|超过(?:邮件)?大小限制/,
    ],
  },
  {
    reason: 'spamdetected',
    strength: 'strong',
    patterns: [
      // "als Spam eingestuft", "considéré comme spam", "considerado spam", "identificado como spam", "als spam aangemerkt", "uznana za spam"
      /als spam (?:eingestuft|erkannt|aangemerkt|beschouwd|gemarkeerd)|(?:considéré|identifié|détecté) comme (?:du )?spam|(?:considerad|identificad|detectad|classificad)[oa] como (?:spam|correo no deseado|lixo eletrônico)|rilevat[oa] come spam|uznan[aey] za spam/,
      // "迷惑メールと判断", "垃圾邮件", "垃圾郵件"
      /迷惑メール(?:と判断|として)|垃圾(?:邮件|郵件)/,
    ],
  },
];
