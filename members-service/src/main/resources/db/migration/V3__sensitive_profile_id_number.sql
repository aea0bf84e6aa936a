-- The resident ID number (居民身份证号码) of the sensitive profile, encrypted with AES-256-GCM by the
-- service (web-commons FieldCipher): "<key id>:<base64 of iv, ciphertext and tag>". Never stored in
-- clear, never in lists, exports or events; the API shows it masked.
alter table member_sensitive_profile add column id_number_enc varchar(200);
