namespace Tahseen.Application.Common.Interfaces;

/// <summary>Draws the visual code a person types back during registration.</summary>
public interface ICaptchaRenderer
{
    /// <summary>Returns a PNG image showing <paramref name="text"/> distorted for people, not machines.</summary>
    byte[] RenderPng(string text);
}
