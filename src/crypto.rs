//! Passphrase protection of share links with the browser's WebCrypto: a key from PBKDF2-SHA-256
//! (600,000 iterations, random 16-byte salt) and AES-256-GCM (random 12-byte nonce, the link
//! prefix as associated data). The envelope is defined in `hrdd_core::link`; nothing here
//! touches the network.

use hrdd_core::link::{
    encryption_associated_data, EncryptedLink, LinkError, NONCE_BYTES, PBKDF2_ITERATIONS,
    SALT_BYTES,
};
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, SubtleCrypto};

/// Why a link could not be protected with a passphrase (the share panel says it in words).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CryptoProblem {
    /// The browser offers no cryptography (an insecure page or an old browser).
    Unavailable,
    NoRandomNumbers,
    EncryptionFailed,
}

fn crypto() -> Result<web_sys::Crypto, CryptoProblem> {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or(CryptoProblem::Unavailable)
}

fn subtle() -> Result<SubtleCrypto, CryptoProblem> {
    Ok(crypto()?.subtle())
}

fn object(entries: &[(&str, JsValue)]) -> Object {
    let object = Object::new();
    for (key, value) in entries {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object
}

async fn derive_key(passphrase: &str, salt: &[u8], usage: &str) -> Result<CryptoKey, JsValue> {
    let subtle = subtle().map_err(|_| JsValue::NULL)?;
    let password = Uint8Array::from(passphrase.as_bytes());
    let base = JsFuture::from(subtle.import_key_with_str(
        "raw",
        &password,
        "PBKDF2",
        false,
        &Array::of1(&JsValue::from_str("deriveKey")),
    )?)
    .await?;
    let algorithm = object(&[
        ("name", "PBKDF2".into()),
        ("salt", Uint8Array::from(salt).into()),
        ("iterations", PBKDF2_ITERATIONS.into()),
        ("hash", "SHA-256".into()),
    ]);
    let key_type = object(&[("name", "AES-GCM".into()), ("length", 256.into())]);
    let key = JsFuture::from(subtle.derive_key_with_object_and_object(
        &algorithm,
        base.unchecked_ref(),
        &key_type,
        false,
        &Array::of1(&JsValue::from_str(usage)),
    )?)
    .await?;
    Ok(key.unchecked_into())
}

fn gcm(nonce: &[u8]) -> Object {
    object(&[
        ("name", "AES-GCM".into()),
        ("iv", Uint8Array::from(nonce).into()),
        (
            "additionalData",
            Uint8Array::from(encryption_associated_data()).into(),
        ),
    ])
}

/// Encrypt a link body under a passphrase, with a fresh random salt and nonce.
pub async fn encrypt(plaintext: &[u8], passphrase: &str) -> Result<EncryptedLink, CryptoProblem> {
    let crypto = crypto()?;
    let mut salt = vec![0u8; SALT_BYTES];
    let mut nonce = vec![0u8; NONCE_BYTES];
    crypto
        .get_random_values_with_u8_array(&mut salt)
        .and_then(|_| crypto.get_random_values_with_u8_array(&mut nonce))
        .map_err(|_| CryptoProblem::NoRandomNumbers)?;
    let failed = |_| CryptoProblem::EncryptionFailed;
    let key = derive_key(passphrase, &salt, "encrypt")
        .await
        .map_err(failed)?;
    let subtle = subtle()?;
    let ciphertext = JsFuture::from(
        subtle
            .encrypt_with_object_and_u8_array(&gcm(&nonce), &key, plaintext)
            .map_err(failed)?,
    )
    .await
    .map_err(failed)?;
    Ok(EncryptedLink {
        salt,
        nonce,
        ciphertext: Uint8Array::new(&ciphertext).to_vec(),
    })
}

/// Decrypt a protected link. Any failure of authentication means a wrong passphrase or a
/// changed link; both are reported as a wrong passphrase, as AES-GCM cannot tell them apart.
pub async fn decrypt(link: &EncryptedLink, passphrase: &str) -> Result<Vec<u8>, LinkError> {
    let key = derive_key(passphrase, &link.salt, "decrypt")
        .await
        .map_err(|_| LinkError::WrongPassphrase)?;
    let subtle = subtle().map_err(|_| LinkError::WrongPassphrase)?;
    let promise = subtle
        .decrypt_with_object_and_u8_array(&gcm(&link.nonce), &key, &link.ciphertext)
        .map_err(|_| LinkError::WrongPassphrase)?;
    let plaintext = JsFuture::from(promise)
        .await
        .map_err(|_| LinkError::WrongPassphrase)?;
    Ok(Uint8Array::new(&plaintext).to_vec())
}
